"""The site's build machinery: MkDocs hooks, the block runner, math, the lab notebooks. Not for learners: they use `lacourse`."""
