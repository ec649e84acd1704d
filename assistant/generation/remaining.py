"""What is left of a plan: "còn bao nhiêu tỷ đồng vốn đầu tư công chưa giải ngân so với kế hoạch
vốn năm?" is the plan less what was done. Each side is a single-figure question answered by its
own fact; the subtraction is done here, shown with both cited figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.periods import find_period_spans, find_periods

_LEFT = re.compile(r"(?i)(?<!\w)còn\s+(?:bao\s+nhiêu|mấy)(?!\w)(?P<what>.*?)(?<!\w)chưa\s+(?P<verb>[^\W\d_]+(?:\s+[^\W\d_]+)?)(?P<rest>.*)$")
_PLAN = re.compile(r"(?i)(?<!\w)(kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)(?!\w)")
# the measure written after "bao nhiêu" names no indicator: "còn bao nhiêu tỷ đồng vốn …"
_MONEY_UNIT = r"(?i)^\s*(?:(?:nghìn|ngàn|triệu|tỷ)\s+)*(?:đồng|USD)?"
_MEASURE = re.compile(_MONEY_UNIT + r"\s*")


_MONEY = re.compile(r"(?i)(?:vốn|kinh\s+phí|tiền|nguồn\s+vốn)(?!\w)")
_DATE_YEAR = re.compile(r"(?<![\d/])(?:\d{1,2}/)?\d{1,2}/(20\d\d)(?!\d)")


@dataclass
class Remaining:
    done: str  # "Đến 25/9/2023 huyện X đã giải ngân vốn đầu tư công bao nhiêu?"
    plan: str  # "Kế hoạch vốn đầu tư công năm 2023 huyện X là bao nhiêu?"
    verb: str  # "giải ngân"
    plan_word: str  # "kế hoạch"


def split_remaining(question: str) -> Remaining | None:
    """The two single-figure questions of "còn bao nhiêu … chưa <làm> so với kế hoạch", or None."""
    q = question.strip().rstrip(" ?")
    m = _LEFT.search(q)
    if not m:
        return None
    plan = _PLAN.match(re.sub(r"(?i)^\s*(?:so\s+với|theo)?\s*", "", m.group("rest")))
    lead = q[: m.start()].strip(" ,")
    if not m.group("what").strip() and _MONEY.match(lead) and not plan:
        # "Vốn X năm 2024 còn bao nhiêu chưa giải ngân (tính) đến 30/6?": the money named first is
        # what is left of; the date after is when what was done is counted
        date = re.match(r"(?i)^\s*,?\s*((?:tính\s+)?(?:đến|tới|hết)\s+(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/20\d\d)?)\s*$",
                        m.group("rest"))
        years = [p.year for p in find_periods(lead) if p.year]
        if not date or len(set(years)) != 1:
            return None
        when = date.group(1) if re.search(r"/20\d\d$", date.group(1)) else f"{date.group(1)}/{years[0]}"
        what = re.sub(r"\s+", " ", _blank_periods(lead)).strip(" ,")
        verb = m.group("verb").strip()
        return Remaining(done=f"{when[0].upper()}{when[1:]} đã {verb} {what} bao nhiêu?",
                         plan=f"Kế hoạch {lead} là bao nhiêu?", verb=verb, plan_word="kế hoạch")
    measure = _MEASURE.match(m.group("what"))
    if not measure.group(0).strip() and not _MONEY.match(m.group("what").strip()):
        return None  # an amount of money left of a plan, not a count ("còn bao nhiêu xã chưa đạt chuẩn")
    what = m.group("what")[measure.end():].strip(" ,")
    # "còn bao nhiêu tỷ đồng vốn X năm 2025 chưa giải ngân": the money of a year is its plan
    year_of_what = any(p.span == "year" for _, _, p in find_period_spans(what))
    if not plan and not (year_of_what and _MONEY.match(what)):
        return None  # "còn bao nhiêu hộ chưa có nước sạch": no plan to take it from
    plan_word = plan.group(1) if plan else "kế hoạch"
    verb = m.group("verb").strip()
    if not what or not re.search(r"[^\W\d_]", what):
        return None
    before = q[: m.start()].strip(" ,")
    years = sorted({p.year for p in find_periods(q) if p.year} | {int(y) for y in _DATE_YEAR.findall(q)})
    year = f" năm {years[-1]}" if years else ""
    place = _blank_periods(before)
    unit = measure.group(0).strip()
    # the year named with the money is the plan's; what was done so far has the lead's date
    done_what = re.sub(r"\s+", " ", _blank_periods(what)).strip() if year_of_what else what
    return Remaining(done=f"{before} đã {verb} {done_what} bao nhiêu {unit}".rstrip() + "?",
                     plan=f"{plan_word.capitalize()} {what}{year} {place.strip()} là bao nhiêu?".replace("  ", " "),
                     verb=verb, plan_word=plan_word.lower())


def _blank_periods(text: str) -> str:
    """The place and other words of the lead, without its dates ("Đến 25/9/2023 huyện X" -> "huyện X")."""
    for a, b, _ in reversed(find_period_spans(text)):
        text = text[:a] + " " + text[b:]
    text = re.sub(r"(?i)(?<!\w)(?:đến|tính đến|tới|hết|ngày)(?!\w)", " ", text)
    text = re.sub(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}", " ", text)
    return re.sub(r"\s+", " ", text)


# -- the gap to a plan: what is still to be done, or by how much a result over- or undershoots it --
_PLAN_WORD = r"(?:dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|mức\s+ước|ước)"
# "còn phải thu (thêm) bao nhiêu", "cần giải ngân thêm bao nhiêu"
_MUST = re.compile(r"(?i)(?<!\w)(?:còn\s+)?(?:phải|cần)\s+(?P<verb>(?:(?!thêm(?!\w)|bao(?!\w)|mấy(?!\w))[^\W\d_]+\s+){1,2}?)"
                   r"(?:thêm\s+)?(?:bao\s+nhiêu|mấy)(?!\w)(?P<after>[^,;]*)")
# "(mới|để) đạt dự toán …", "để hoàn thành kế hoạch …"
_REACH = re.compile(rf"(?i)(?<!\w)(?:đạt|hoàn\s+thành)\s+(?:được\s+)?(?P<plan>{_PLAN_WORD})(?!\w)(?P<what>[^,;?]*)")
# "vượt dự toán … bao nhiêu", "hụt/thiếu bao nhiêu … so với kế hoạch"
_OVER = re.compile(r"(?i)(?<!\w)(?P<dir>vượt|hụt|thiếu)(?!\w)(?P<rest>.*)$")
_ISSUER = re.compile(r"(?i)(?<!\w)(?P<who>(?:(?:hđnd|ubnd|hội\s+đồng\s+nhân\s+dân|ủy\s+ban\s+nhân\s+dân|trung\s+ương|tw|"
                     r"chính\s+phủ|thủ\s+tướng|bộ\s+tài\s+chính)\s*)?(?:tỉnh|thành\s+phố|tp|huyện|thị\s+xã)?)\s*giao(?!\w)")
_UNIT_WORDS = re.compile(_MONEY_UNIT + r"(?!\w)")  # the same words, a whole word
_FILLER = re.compile(r"(?i)(?<!\w)(?:nữa|mới|để|thì|cả|trong|sau|còn|phải|so\s+với|so|là|thêm|của|tại|ở)(?!\w)")


@dataclass
class Gap:
    plan: str  # "Dự toán thu NSNN tỉnh giao năm 2025 của X là bao nhiêu?"
    done: str  # "Thu NSNN quý I năm 2025 của X đạt bao nhiêu?"
    plan_word: str  # "dự toán"
    estimate: bool  # the plan is the year's estimate ("để đạt mức ước cả năm")
    issuer: str  # who set the plan, as asked ("hđnd tỉnh"), folded; "" when not named
    direction: str  # "left": plan − done (still to do); "over": done − plan; "short": plan − done
    done_period: object  # Period of what was done, when the question implies it
    year: int | None
    verb: str = ""  # "thu" of "còn phải thu bao nhiêu"
    which: str = ""  # the plan's own name, folded ("phap lenh" of "dự toán pháp lệnh"); "" when none
    confirm: bool = False  # taken only when the result's stated share of plan agrees with both figures


def split_gap(question: str, places=()) -> Gap | None:
    """The two single-figure questions of "còn phải thu bao nhiêu nữa mới đạt dự toán", "để đạt
    kế hoạch năm, 6 tháng cuối năm phải giải ngân thêm bao nhiêu", "ước thu năm vượt (hụt) dự
    toán bao nhiêu": the plan of a year and what was done (or is estimated) against it."""
    from assistant.ingest.lexfold import fold
    from assistant.ingest.periods import Period

    q = question.strip().rstrip(" ?")
    from assistant.generation.request import known_places, parse_request

    place = parse_request(q, list(places)).place
    for _, a, b in sorted(known_places(q, list(places)), key=lambda x: -x[1]):  # the place is asked apart
        q = q[:a] + " " * (b - a) + q[b:]
    must, reach, over = _MUST.search(q), _REACH.search(q), _OVER.search(q)
    spans = find_period_spans(q)
    years = sorted({p.year for _, _, p in spans if p.year})
    if len(years) > 1:
        return None
    year = years[0] if years else None
    confirm = False
    if must and reach:
        direction = "left"
        plan_word, what = reach.group("plan"), reach.group("what")
        verb = must.group("verb").strip()
        after = must.group("after")
        if reach.start() > must.start():  # "… bao nhiêu nữa mới đạt dự toán …": the plan's clause is not the what
            after = q[must.start("after") : max(must.start("after"), reach.start())]
        after = _UNIT_WORDS.sub("", after, count=1)
        named = _blank(what).strip() or _blank(after).strip()
        indicator = _indicator(named if fold(named.lower()).startswith(fold(verb.lower())) else f"{verb} {named}")
        done_period = _done_period(q, spans, year)
        if done_period is None:
            return None
    elif over and not must and re.search(r"(?i)(?<!\w)(?:bao\s+nhiêu|mấy)(?!\w)", over.group("rest")):
        rest = over.group("rest")
        plan = re.search(rf"(?i)(?<!\w)({_PLAN_WORD})(?!\w)(?P<what>[^,;?]*)", rest)
        lead = q[: over.start()]
        said = re.search(r"(?i)(?<!\w)(?:ước|thực\s+hiện|thực\s+tế)(?!\w)", lead)
        if not plan or plan.group(1).lower().startswith(("ước", "mức")) or (not said and (
                re.search(rf"(?i)(?<!\w){_PLAN_WORD}(?!\w)", lead) or not years)):
            return None  # the result named before the cue ("ước thu … vượt"), a plan after it
        # a result of a year named without "ước/thực hiện" ("Tổng thu NSNN năm 2024 vượt dự toán …")
        # is taken only when its stated share of plan confirms the pair
        confirm = not said
        direction = "over" if over.group("dir").lower() == "vượt" else "short"
        plan_word, what = plan.group(1), plan.group("what")
        indicator = _indicator(_blank(re.sub(r"(?i)(?<!\w)(?:ước|thực\s+hiện|thực\s+tế)(?!\w)", " ", lead)))
        done_period = next((p for a, _, p in spans if a < over.start()), None)
        if done_period is None or done_period.span != "year":
            return None
    else:
        return None
    if not indicator or not re.search(r"[^\W\d_]", indicator):
        return None
    confirm = direction != "left" and confirm
    which = fold(_blank(re.sub(r"(?i)(?<!\w)(?:bao\s+nhiêu|mấy)(?!\w).*$", " ", what)).lower())
    which = re.sub(r"\s+", " ", _UNIT_WORDS.sub(" ", which)).strip() if not _ISSUER.search(what) else ""
    who = _ISSUER.search(what)
    issuer = fold(re.sub(r"\s+", " ", who.group("who")).strip().lower()) if who else ""
    estimate = plan_word.lower().startswith(("ước", "mức"))
    where = f" của {place}" if place else ""
    y = f" năm {year}" if year else ""
    plan_q = (f"Ước {indicator}{y or ' cả năm'}{where} là bao nhiêu?" if estimate else
              f"{plan_word.capitalize()} {indicator}{' ' + who.group(0).strip() if who else ''}{y}{where} là bao nhiêu?")
    done_label = done_period.label().removesuffix(" năm" if done_period.span[0] in "qm" else "@") if done_period.span != "year" else f"năm {year}" if year else ""
    estimated = direction != "left" and re.search(r"(?i)(?<!\w)ước(?!\w)", q[: over.start()]) is not None
    done_q = f"{'Ước ' if estimated else ''}{indicator} {done_label}{where} đạt bao nhiêu?"
    done_q = re.sub(r"\s+", " ", done_q).strip()
    return Gap(re.sub(r"\s+", " ", plan_q), done_q[:1].upper() + done_q[1:], plan_word.lower(), estimate, issuer,
               direction, done_period, year, must.group("verb").strip().lower() if must else "", which, confirm)


def _blank(text: str) -> str:
    """Words without periods, issuers ("tỉnh giao") and fillers ("nữa", "cả năm")."""
    text = _ISSUER.sub(" ", text)
    for a, b, _ in reversed(find_period_spans(text)):
        text = text[:a] + " " + text[b:]
    return _FILLER.sub(" ", text)


def _indicator(text: str) -> str:
    from assistant.generation.request import terms_of

    words = re.sub(r"\s+", " ", text).strip(" ,")
    return words if terms_of(words, expand=False) else ""


def _done_period(q: str, spans, year: int | None):
    """What was done by when: named after "sau" ("sau quý I": the first quarter), or the part of
    the year before the rest the question names ("trong 6 tháng cuối năm": the first half; "quý IV":
    nine months). None when the question implies no period, or an odd one."""
    from assistant.ingest.periods import Period

    found = None
    for a, b, p in spans:
        if p.span in ("year", "term"):
            continue
        months = p.months()
        if months is None:
            return None
        before = q[max(0, a - 12) : a].lower()
        if re.search(r"(?<!\w)sau\s*$", before):
            if months[0] != 1:
                return None
            n = months[1]
        elif months[1] == 12:  # the rest of the year: what was done is what came before it
            n = months[0] - 1
        else:
            return None
        if found is not None or n < 1:
            return None
        span = {3: "q1", 6: "h1", 12: "year"}.get(n, f"first{n}")
        found = Period(span, p.year or year)
    return found
