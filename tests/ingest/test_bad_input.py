"""Bad input is reported with file, line and reason; the batch goes on; nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

from detente.ingest import ReadOptions, read_paths
from detente.records import Article, Skipped

GOOD = "Peru and Ecuador agreed on Monday to reopen two border crossings closed since 2020."
OTHER = "Chile and Argentina held joint naval exercises off Tierra del Fuego on Sunday."


def reasons(items: list[Article | Skipped]) -> dict[str, str]:
    return {Path(i.origin).name: i.reason for i in items if isinstance(i, Skipped)}


def test_bad_files_are_reported_and_good_ones_read(tmp_path: Path, options: ReadOptions) -> None:
    (tmp_path / "a_empty.txt").write_text("  \n\t\n")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 50)
    (tmp_path / "c_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "d_koi8.txt").write_bytes("Москва и Минск подписали договор.".encode("koi8_r"))
    (tmp_path / "e_good.txt").write_text(GOOD)
    (tmp_path / "f_cp1252.txt").write_bytes(
        f"{OTHER} The envoy’s “reply” came fast.".encode("cp1252")
    )
    (tmp_path / "g_huge.txt").write_text(GOOD * 20)
    (tmp_path / "h_markup.html").write_text("<html><body><script>x()</script></body></html>")
    small = ReadOptions(max_chars=1000, language=options.language, boilerplate=options.boilerplate)
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"], options=small))
    assert reasons(items) == {
        "a_empty.txt": "empty",
        "b_binary.txt": "binary",
        "c_image.txt": "binary",
        "d_koi8.txt": "not-utf8",
        "g_huge.txt": "too-large",
        "h_markup.html": "empty",
        "missing.txt": "missing",
    }
    articles = [item for item in items if isinstance(item, Article)]
    assert [a.text for a in articles] == [GOOD, f"{OTHER} The envoy’s “reply” came fast."]
    assert small.stats.recoded == 1
    image = next(i for i in items if isinstance(i, Skipped) and i.origin.endswith("c_image.txt"))
    assert "PNG" in image.message


def test_jsonl_bad_lines_name_their_line(tmp_path: Path, options: ReadOptions) -> None:
    lines = [
        json.dumps({"text": GOOD}),
        "{not json",
        "",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": ""}),
        json.dumps({"text": OTHER, "date": "2021-06-01"}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines))
    items = list(read_paths([path], options=options))
    assert [(i.origin, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}:2", "malformed"),
        (f"{path}:4", "malformed"),
        (f"{path}:5", "malformed"),
        (f"{path}:6", "empty"),
    ]
    assert [i.text for i in items if isinstance(i, Article)] == [GOOD, OTHER]


def test_jsonl_line_in_another_encoding_is_reported_alone(
    tmp_path: Path, options: ReadOptions
) -> None:
    path = tmp_path / "mixed.jsonl"
    bad = json.dumps({"text": "Грузия и Армения"}, ensure_ascii=False).encode("koi8_r")
    path.write_bytes(
        b"\n".join([json.dumps({"text": GOOD}).encode(), bad, json.dumps({"text": OTHER}).encode()])
    )
    items = list(read_paths([path], options=options))
    assert [(i.origin, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}:2", "not-utf8")
    ]
    assert len([i for i in items if isinstance(i, Article)]) == 2


def test_csv_rows_are_numbered_by_their_first_line(tmp_path: Path, options: ReadOptions) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        b'date,text\n2020-01-02,"' + GOOD.encode() + b'\nSecond paragraph of it."\n'
        b'2020-01-03,"\xff\xfe\xfd bad bytes \xc0\xc1"\n'
        b"2020-01-04,\n"
        b"2020-01-05," + OTHER.encode() + b"\n"
    )
    items = list(read_paths([path], options=options))
    assert [(i.origin, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}:4", "not-utf8"),
        (f"{path}:5", "empty"),
    ]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.origin for a in articles] == [f"{path}:2", f"{path}:6"]
    assert articles[0].text == f"{GOOD}\nSecond paragraph of it."


def test_csv_without_text_column(tmp_path: Path, options: ReadOptions) -> None:
    path = tmp_path / "in.csv"
    path.write_text("date,body\n2020-01-01,x\n")
    (item,) = read_paths([path], options=options)
    assert isinstance(item, Skipped) and item.reason == "malformed"


def test_same_input_twice_gives_the_same_ids(tmp_path: Path, options: ReadOptions) -> None:
    (tmp_path / "a.txt").write_text(f"{GOOD}\n\n{OTHER}")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": f"  {GOOD}\n\n{OTHER.upper()}  "}))
    first = [i.id for i in read_paths([tmp_path], options=options) if isinstance(i, Article)]
    second = [i.id for i in read_paths([tmp_path], options=options) if isinstance(i, Article)]
    assert first == second and len(first) == 2
    assert first[0] == first[1]  # white space and case are folded into the id


def test_url_argument_is_pointed_to_watch(options: ReadOptions) -> None:
    (item,) = read_paths(["https://news.example/feed.xml"], options=options)
    assert isinstance(item, Skipped) and "detente watch" in item.message


def test_json_array_file(tmp_path: Path, options: ReadOptions) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps([{"text": GOOD}, {"nope": 1}, {"text": OTHER}]))
    items = list(read_paths([path], options=options))
    assert [(i.origin, type(i).__name__) for i in items] == [
        (f"{path}#1", "Article"),
        (f"{path}#2", "Skipped"),
        (f"{path}#3", "Article"),
    ]
