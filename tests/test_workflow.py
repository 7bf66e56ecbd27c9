"""The GitHub workflow tests what CI tests, takes the site's address from Pages, and never cancels
a deploy in flight. (actionlint and zizmor --pedantic are run by hand: see the README.)"""

from __future__ import annotations

import yaml

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]


def steps(job: str) -> list[dict]:
    return JOBS[job]["steps"]


def test_one_definition_of_test_the_workflow_runs_ci_s_script():
    assert any(step.get("run") == "bash .ci/run" for step in steps("test"))


def test_the_site_url_comes_from_github_pages():
    pages = next(step for step in steps("build") if "configure-pages" in step.get("uses", ""))
    build = next(step for step in steps("build") if "mkdocs build" in step.get("run", ""))
    assert build["env"]["SITE_URL"].startswith("${{ steps.%s.outputs.base_url }}" % pages["id"])


def test_only_superseded_pull_request_runs_are_cancelled():
    assert WORKFLOW["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_a_manual_run_can_deploy_and_pull_requests_cannot():
    triggers = WORKFLOW[True] if True in WORKFLOW else WORKFLOW["on"]  # YAML reads `on:` as True
    assert "workflow_dispatch" in triggers
    condition = JOBS["build"]["if"]
    assert "refs/heads/main" in condition and "pull_request" in condition
    assert JOBS["deploy"]["needs"] == "build"


def test_every_job_has_a_time_limit_least_privilege_and_pinned_actions():
    assert WORKFLOW["permissions"] == {}
    for name, job in JOBS.items():
        assert 0 < job["timeout-minutes"] <= 60, name
        assert "permissions" in job, name
        for step in job["steps"]:
            if "uses" in step:
                ref = step["uses"].split("@")[1]
                assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]


def test_pip_downloads_are_cached():
    for job in ("test", "build"):
        python = next(step for step in steps(job) if "setup-python" in step.get("uses", ""))
        assert python["with"]["cache"] == "pip"


def test_colab_links_point_at_the_branch_the_workflow_fills():
    build = next(step for step in steps("build") if "mkdocs build" in step.get("run", ""))
    branch = build["env"]["NOTEBOOKS_BRANCH"].split("#")[0].strip()
    push = next(step for step in steps("notebooks") if "git push" in step.get("run", ""))
    assert push["run"].rstrip().endswith(f" {branch}") and f"git init -q -b {branch}" in push["run"]
    generate = next(step for step in steps("notebooks") if "lacourse_site.notebooks" in step.get("run", ""))
    assert "--repo-url" in generate["run"] and "--site-url" in generate["run"]
