"""That a newer set repeats no question of the sets written before it (used for the fresh and the session-6 sets)."""

from check_rules import qkey


def existing_keys(gold_rows, reader_sets, followup_sets):
    """Normalised texts of every earlier question.

    Args:
        gold_rows: the rows of eval/gold.jsonl.
        reader_sets: lists of reader-format rows (readers.jsonl, fresh.jsonl, ...).
        followup_sets: lists of follow-up rows (followups.jsonl, ...).

    Returns:
        The set of qkey()s of gold and reader questions and of every follow-up turn and rewrite.
    """
    keys = {qkey(g["question"]) for g in gold_rows}
    for rows in reader_sets:
        keys |= {qkey(r.get("question", "")) for r in rows}
    for rows in followup_sets:
        for r in rows:
            keys |= {qkey(x) for x in r.get("history", []) + [r.get("question", ""), r.get("rewritten", "")]}
    keys.discard("")
    return keys


def conversation_keys(followup_sets):
    """(history, question) keys of every conversation of the given follow-up sets."""
    return {(tuple(qkey(h) for h in r.get("history", [])), qkey(r.get("question", "")))
            for rows in followup_sets for r in rows}


def check_novel(new_readers, readers_name, new_followups, followups_name, old, old_conv, errors, conv_where):
    """Note every new question that repeats an earlier one.

    Args:
        new_readers, readers_name: the new reader-format rows and their file name.
        new_followups, followups_name: the new follow-up rows and their file name.
        old: existing_keys() of the earlier sets; old_conv: conversation_keys() of the earlier follow-up sets.
        errors: list the problems are appended to.
        conv_where: how a repeated conversation's message names the earlier follow-up sets.

    Returns:
        None; a reader question, a conversation, or a follow-up's self-contained text (first turn, rewrite,
        standalone question) that repeats an earlier set is an error, and a rewrite or standalone question
        that repeats a question of new_readers too.
    """
    for r in new_readers:
        if qkey(r.get("question", "")) in old:
            errors.append(f"{readers_name} {r.get('id')}: question repeats an earlier set: {r.get('question')!r}")
    new_q = {qkey(r.get("question", "")) for r in new_readers}
    for r in new_followups:
        tag = f"{followups_name} {r.get('id')}"
        history = r.get("history") or [""]
        conv = (tuple(qkey(h) for h in history), qkey(r.get("question", "")))
        if conv in old_conv:
            errors.append(f"{tag}: conversation repeats {conv_where}")
        # self-contained texts must be new: the first turn, the rewrite, and a standalone follow-up
        for what, s in (("first turn", history[0]), ("rewritten", r.get("rewritten", "")),
                        ("question", r.get("question", "") if r.get("category") == "standalone" else "")):
            if s and qkey(s) in old:
                errors.append(f"{tag}: {what} repeats an earlier set: {s!r}")
            if s and what != "first turn" and qkey(s) in new_q:
                errors.append(f"{tag}: {what} repeats a question of {readers_name}: {s!r}")
