"""The eval stage: a proven question set, a harness that runs it, metrics, and reports.

items = load_items("eval/questions.jsonl")
problems = check_items(items, "corpus")            # [] when every item is proven
items = select_items(items, limit=20, types=["footnote"], docs=None)
summary = run_eval(items, service, search, Path("eval/runs/2024-07-01"), k=5)
print(compare_runs("eval/runs/old", "eval/runs/new"))
"""

from assistant.eval.checker import check_items
from assistant.eval.compare import figure_in_text, same_figure
from assistant.eval.dataset import TYPES, Item, load_items, select_items
from assistant.eval.diff import compare_runs, compare_runs_dict
from assistant.eval.harness import run_eval, write_report

__all__ = [
    "TYPES",
    "Item",
    "check_items",
    "compare_runs",
    "compare_runs_dict",
    "figure_in_text",
    "load_items",
    "run_eval",
    "same_figure",
    "select_items",
    "write_report",
]
