"""De-duplication: near-duplicate articles are one story; close reports of one event count once."""

from __future__ import annotations

from datetime import date

from detente.series.dedup import ensure_fresh, refresh, signature, similarity
from detente.store import Store
from tests.series.conftest import StoreBuilder

STORY = (
    "Officials from the two governments met behind closed doors for a second day on Thursday "
    "and agreed a joint framework for trade in farm goods, according to a statement issued by "
    "both ministries late in the evening after talks that had stalled over quotas for grain, "
    "fertiliser and frozen fish, and over the inspection regime at the shared border posts."
)


def dedup_rows(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT source_country, cameo, target_country, date, reports, articles"
        " FROM events_dedup ORDER BY date, source_country"
    ).fetchall()


def test_one_event_reported_in_several_sentences_and_articles(build: StoreBuilder) -> None:
    day = date(2022, 3, 1)
    build.article([("USA", "163", "RUS", day), ("USA", "163", "RUS", day)])
    build.article([("USA", "163", "RUS", day)])
    build.article([("USA", "163", "RUS", date(2022, 3, 2))])
    refresh(build.store)
    assert dedup_rows(build.store) == [("USA", "163", "RUS", day, 4, 3)]
    assert build.store.counts()["events"] == 4


def test_window_zero_keeps_days_apart(build: StoreBuilder) -> None:
    build.article([("USA", "163", "RUS", date(2022, 3, 1))])
    build.article([("USA", "163", "RUS", date(2022, 3, 2))])
    refresh(build.store, window=0)
    assert len(dedup_rows(build.store)) == 2


def test_daily_repeats_are_cut_into_windows(build: StoreBuilder) -> None:
    for day in range(1, 6):
        build.article([("USA", "112", "RUS", date(2022, 5, day))])
    build.article([("USA", "112", "RUS", date(2022, 5, 9))])
    refresh(build.store)
    rows = dedup_rows(build.store)
    assert [(r[3], r[4]) for r in rows] == [
        (date(2022, 5, 1), 2), (date(2022, 5, 3), 2), (date(2022, 5, 5), 1), (date(2022, 5, 9), 1),
    ]  # fmt: skip


def test_other_code_direction_or_dyad_is_another_event(build: StoreBuilder) -> None:
    day = date(2022, 3, 1)
    build.article([("USA", "163", "RUS", day), ("RUS", "163", "USA", day),
                   ("USA", "112", "RUS", day), ("USA", "163", "CHN", day)])  # fmt: skip
    refresh(build.store)
    assert len(dedup_rows(build.store)) == 4


def test_undated_events_cluster_within_their_article(build: StoreBuilder) -> None:
    build.article([("USA", "061", "CHN", None), ("USA", "061", "CHN", None)])
    build.article([("USA", "061", "CHN", None)])
    refresh(build.store)
    assert sorted(r[4] for r in dedup_rows(build.store)) == [1, 2]


def test_near_duplicate_articles_are_one_story(build: StoreBuilder) -> None:
    copy = "BRUSSELS (Wire) - " + STORY.replace("Thursday", "Thursday,")
    build.article([("USA", "061", "CHN", date(2022, 6, 1))], text=STORY, published=date(2022, 6, 1))
    build.article([("USA", "061", "CHN", date(2022, 6, 5))], text=copy, published=date(2022, 6, 5))
    other = "A different report: " + " ".join(reversed(STORY.split()))
    build.article([("USA", "061", "CHN", date(2022, 6, 5))], text=other, published=date(2022, 6, 5))
    refresh(build.store)
    stories = build.store.con.execute(
        "SELECT story_id, count(*) FROM article_minhash GROUP BY 1 ORDER BY 2 DESC"
    ).fetchall()
    assert stories == [("art0001", 2), ("art0003", 1)]
    assert [(r[3], r[4]) for r in dedup_rows(build.store)] == [
        (date(2022, 6, 1), 1), (date(2022, 6, 5), 1),
    ]  # fmt: skip


def test_stories_merge_across_refreshes(build: StoreBuilder) -> None:
    build.article([], text=STORY, published=date(2022, 6, 3))
    refresh(build.store)
    build.article([], text=STORY + " Markets rose.", published=date(2022, 6, 1))
    refresh(build.store)
    stories = build.store.con.execute("SELECT DISTINCT story_id FROM article_minhash").fetchall()
    assert stories == [("art0002",)]


def test_signature_similarity_tracks_overlap() -> None:
    words = STORY.split()
    near = " ".join(words[:-2])
    far = " ".join(words[len(words) // 2 :])
    assert similarity(signature(STORY), signature(near)) > 0.8
    assert similarity(signature(STORY), signature(far)) < 0.7
    assert similarity(signature(STORY), signature("Nothing in common here at all today")) < 0.1


def test_ensure_fresh_rebuilds_only_after_changes(build: StoreBuilder) -> None:
    build.article([("USA", "112", "RUS", date(2022, 1, 1))])
    assert ensure_fresh(build.store) is True
    assert ensure_fresh(build.store) is False
    build.article([("USA", "130", "RUS", date(2022, 1, 2))])
    assert ensure_fresh(build.store) is True
    assert len(dedup_rows(build.store)) == 2
