"""The learner's library for the course: the verb universe, figures, timing, the machine
stamp, lab 01's measurements and the exercise checks. The site's snippets and the lab
notebooks import it; it needs only NumPy, matplotlib and threadpoolctl."""

# How every page and notebook prints arrays: four decimals, no scientific noise, 88 columns.
PRINT_OPTIONS = {"precision": 4, "suppress": True, "linewidth": 88}
