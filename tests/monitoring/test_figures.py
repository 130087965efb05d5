"""Figures that agree (issue 18 §2): every count of BC kết quả, the conclusion notice, the
recommendation to superiors and the monitoring summary, summed against the registry itself."""
import datetime as dt

import pytest

from doithoai.documents.context import Builder, Context
from doithoai.monitoring import chain
from doithoai.rules import agencies, deadlines
from doithoai.samples import SAMPLES

AS_OF = dt.date(2026, 11, 22)


def contexts(reg, plan):
    b = Builder(reg, plan, deadlines.compute(reg, AS_OF), AS_OF)
    out = {}
    for code in ("bckq", "tbkl", "bb", "cvkn"):
        ctx = Context()
        getattr(b, code)(ctx)
        out[code] = ctx.values
    return b, out


@pytest.mark.parametrize("slug", [s.slug for s in SAMPLES])
def test_every_figure_of_the_reports_sums_against_the_registry(sample_registries, slug):
    reg = sample_registries[slug]
    for plan in reg.plans:
        b, c = contexts(reg, plan)
        mine = [o for o in reg.opinions if o.plan_id == plan.plan_id and o.opinion_id]
        raised = [o for o in mine if not o.duplicate_of]
        at_meeting = [o for o in raised if o.answered_at_meeting == "Có"]
        up = [o for o in raised if o not in at_meeting and agencies.sent_up(o, reg.agency_levels)]
        k, t, n = c["bckq"], c["tbkl"], c["cvkn"]
        # BC kết quả: the total is the registry's, parts sum to it, subsets stay inside.
        assert k["so_y_kien"] == len(raised)
        assert k["so_tra_loi_tai_hoi_nghi"] == len(at_meeting)
        assert k["so_cap_tren"] == len(up)
        assert (k["so_tra_loi_tai_hoi_nghi"] + k["so_da_tra_loi_van_ban"] +
                k["so_dang_giai_quyet"] + k["so_cap_tren"]) == k["so_y_kien"]
        assert 0 <= k["so_qua_han"] <= k["so_dang_giai_quyet"]
        assert 0 <= k["so_cho_cap_tren"] <= k["so_cap_tren"]
        assert sum(s["so"] for s in k["theo_nguon"]) == k["so_y_kien"]
        assert sum(f["so"] for f in k["theo_linh_vuc"]) == k["so_y_kien"]
        # Attendance: the delegated among the present; present, absent and not recorded add
        # up to the invited (registry.attendance). Nothing recorded yet: blanks to fill.
        if k["so_chua_ghi"] == k["so_moi"]:
            assert k["so_co_mat"] == k["so_vang"] == k["so_uy_quyen"] == "……"
        else:
            assert k["so_uy_quyen"] <= k["so_co_mat"]
            assert k["so_co_mat"] + k["so_vang"] + k["so_chua_ghi"] == k["so_moi"]
        # Thông báo kết luận: answered at the meeting plus handed on is everything raised.
        assert t["so_y_kien"] == len(raised)
        assert len(t["da_tra_loi"]) == k["so_tra_loi_tai_hoi_nghi"]
        assert len(t["da_tra_loi"]) + len(t["giao_giai_quyet"]) == t["so_y_kien"]
        assert t["so_co_mat"] == k["so_co_mat"]
        # The minutes and the recommendation count the same things the same way.
        assert c["bb"]["so_cap_tren"] == k["so_cap_tren"] == n["so_kien_nghi"]
        assert sum(g["so"] for g in n["kien_nghi"]) == n["so_kien_nghi"]
        assert sum(len(g["y_kien"]) for g in n["kien_nghi"]) == n["so_kien_nghi"]


@pytest.mark.parametrize("slug", [s.slug for s in SAMPLES])
def test_every_table_of_the_monitoring_summary_sums_to_its_total(sample_registries, slug):
    reg = sample_registries[slug]
    chains = chain.build(reg, AS_OF)
    sm = chain.summary(reg, chains)
    tot = sm["totals"]
    counted = [o for o in reg.opinions if o.opinion_id and not o.duplicate_of]
    assert tot["raised"] == len(counted)
    assert sm["duplicates"] == sum(1 for o in reg.opinions if o.opinion_id and o.duplicate_of)
    for key in ("by_field", "by_village", "by_source", "by_plan"):
        assert sum(d["raised"] for _, d in sm[key]) == tot["raised"], key
        for measure in ("answered", "resolved", "satisfied", "overdue", "waiting"):
            assert sum(d[measure] for _, d in sm[key]) == tot[measure], (key, measure)
    assert sum(n for _, n in sm["by_stage"]) == tot["raised"]
    assert sum(n for _, n in sm["by_satisfaction"]) == tot["raised"]
    assert sum(late for _, _, late in sm["by_agency"]) == tot["overdue"]
    assert all(late <= owed for _, owed, late in sm["by_agency"])
    # Subsets never exceed their set; waiting for a superior is never overdue.
    assert tot["answered"] <= tot["raised"] and tot["resolved"] <= tot["raised"]
    assert tot["satisfied"] <= tot["raised"]
    assert tot["overdue"] + tot["waiting"] <= tot["raised"]
    assert not any(c.waiting and c.overdue for c in chains)


def test_a_village_of_danh_muc_outside_the_plan_is_counted_under_its_name(sample_registries):
    """Validation accepts an address in a village of Danh mục › Thôn, tổ dân phố that the
    plan's Phạm vi does not list; monitoring counted it under "(không rõ thôn)" (fresh-eyes
    trial). It is counted under its own name, as it is typed or not."""
    import copy
    import dataclasses
    reg = copy.deepcopy(sample_registries["tu-minh"])
    extra = "Thôn Đồi Bưng"
    assert all(extra not in p.villages for p in reg.plans)
    reg.lookups["villages"] = list(reg.lookups.get("villages", [])) + [extra]
    first = next(o for o in reg.opinions if o.opinion_id)
    reg.opinions[reg.opinions.index(first)] = dataclasses.replace(
        first, address="Nhà ông Tư, thon doi bung")
    chains = {c.opinion_id: c for c in chain.build(reg, dt.date(2026, 11, 30))}
    assert chains[first.opinion_id].village == extra
