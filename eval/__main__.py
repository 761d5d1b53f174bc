"""python -m eval: evaluate on the gold set (see eval/run.py)."""

from eval.run import main

raise SystemExit(main())
