"""Pictures named in events.csv: what is accepted, and each bad case with its exact message."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from core.load import media
from core.load.loader import load_timeline
from core.load.media import MAX_PICTURE_BYTES, PictureError, check_picture
from core.load.problems import DataError

HEADER = "date,title,sources,image,image_alt,image_caption_en,image_caption_fr,image_credit\n"


def png(path, size=(40, 30), colour="red") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "PNG")


@pytest.fixture
def folder(tmp_path):
    """A data folder with one picture of each accepted type, and files that are not."""
    data = tmp_path / "data"
    png(data / "media" / "ok.png")
    Image.new("RGB", (20, 20), "blue").save(data / "media" / "photo.JPG", "JPEG")
    Image.new("RGB", (20, 20)).save(data / "media" / "anim.gif", "GIF")
    Image.new("RGB", (20, 20)).save(data / "media" / "pic.webp", "WEBP")
    (data / "media" / "drawing.svg").write_text(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
        encoding="utf-8",
    )
    (data / "media" / "notes.txt").write_text("hello", encoding="utf-8")
    (data / "media" / "fake.png").write_text("<html>not a picture</html>", encoding="utf-8")
    (data / "media" / "fake.svg").write_text("<html>nor this</html>", encoding="utf-8")
    Image.new("RGB", (20, 20)).save(data / "media" / "gif-named.png", "GIF")
    (data / "media" / "huge.png").write_bytes(b"\x89PNG" + b"0" * (MAX_PICTURE_BYTES + 1))
    png(tmp_path / "outside.png")
    os.symlink(tmp_path / "outside.png", data / "media" / "link.png")
    os.symlink(data / "media" / "ok.png", data / "media" / "inner-link.png")
    return data


@pytest.mark.parametrize(
    ("value", "file"),
    [
        ("media/ok.png", "media/ok.png"),
        ("media\\ok.png", "media/ok.png"),  # typed on Windows
        ("./media/ok.png", "media/ok.png"),
        ("media/photo.JPG", "media/photo.JPG"),
        ("media/anim.gif", "media/anim.gif"),
        ("media/pic.webp", "media/pic.webp"),
        ("media/drawing.svg", "media/drawing.svg"),
        ("media/inner-link.png", "media/ok.png"),  # a link that stays inside
        ("https://example.org/picture.jpg", None),  # remote: kept, never fetched here
    ],
)
def test_accepted_pictures(folder, value, file):
    found = check_picture(value, folder)
    assert found == (None if file is None else (folder / file).resolve())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "../outside.png",
            "expected a file inside the data folder, such as media/picture.png; "
            "found '../outside.png', which leaves it",
        ),
        (
            "media/../../outside.png",
            "expected a file inside the data folder, such as media/picture.png; "
            "found 'media/../../outside.png', which leaves it",
        ),
        (
            "/etc/passwd.png",
            "expected a file inside the data folder, such as media/picture.png; "
            "found '/etc/passwd.png', an absolute path",
        ),
        (
            "C:\\Users\\me\\picture.png",
            "expected a file inside the data folder, such as media/picture.png; "
            "found 'C:\\Users\\me\\picture.png', an absolute path",
        ),
        (
            "file:///etc/picture.png",
            "expected a file inside the data folder or an http(s) address; "
            "found 'file:///etc/picture.png'",
        ),
        (
            "media/link.png",
            "expected a file inside the data folder; "
            "found 'media/link.png', a link to a file outside it",
        ),
        (
            "media/notes.txt",
            "expected a picture ending .png, .jpg, .jpeg, .gif, .webp or .svg; "
            "found 'media/notes.txt'",
        ),
        (
            "media/ok",
            "expected a picture ending .png, .jpg, .jpeg, .gif, .webp or .svg; found 'media/ok'",
        ),
        (
            "media/missing.png",
            "expected a file in the data folder; found 'media/missing.png', which does not "
            "exist (check its spelling and folder)",
        ),
        (
            "media/huge.png",
            "expected a picture of at most 10 MB; found 'media/huge.png' (10.0 MB; make it smaller)",
        ),
        (
            "media/fake.png",
            "expected a PNG picture; found 'media/fake.png', which is not one "
            "(save it again as PNG)",
        ),
        (
            "media/gif-named.png",
            "expected a PNG picture; found 'media/gif-named.png', which is not one "
            "(save it again as PNG)",
        ),
        ("media/fake.svg", "expected an SVG drawing; found 'media/fake.svg', which is not one"),
    ],
)
def test_refused_pictures(folder, value, message):
    with pytest.raises(PictureError) as caught:
        check_picture(value, folder)
    assert str(caught.value) == message


def test_a_picture_with_too_many_pixels_is_refused(folder, monkeypatch):
    png(folder / "media" / "wide.png", size=(2001, 1000))
    monkeypatch.setattr(media, "MAX_PICTURE_PIXELS", 2_000_000)
    with pytest.raises(PictureError) as caught:
        check_picture("media/wide.png", folder)
    assert str(caught.value) == (
        "expected a picture of at most 2 megapixels; found 'media/wide.png' "
        "(2,001 × 1,000 pixels; make it smaller)"
    )


def test_a_picture_pillow_would_call_a_decompression_bomb_is_refused(folder, monkeypatch):
    png(folder / "media" / "wide.png", size=(2001, 1000))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)
    with pytest.raises(PictureError) as caught:
        check_picture("media/wide.png", folder)
    assert str(caught.value) == (
        "expected a picture of at most 40 megapixels; found 'media/wide.png' "
        "(more than 1,000,000 pixels; make it smaller)"
    )


def load(folder, rows: str):
    (folder / "events.csv").write_text(HEADER + rows, encoding="utf-8")
    return load_timeline(folder / "events.csv")


def test_the_loader_keeps_each_events_checked_file_and_its_texts(folder):
    timeline = load(
        folder,
        "1984,First case,,media/ok.png,A red square,Le cas,Le cas,Drawing by us (CC BY)\n"
        "1987,First paper,,https://example.org/a.jpg,A scan,,,\n"
        "1990,No picture,,,,,,\n",
    )
    event = timeline.event("first-case-1984")
    assert timeline.pictures == {"first-case-1984": (folder / "media" / "ok.png").resolve()}
    assert event["image"] == "media/ok.png" and event["image_credit_fr"] == "Drawing by us (CC BY)"
    assert event["image_alt_fr"] == "A red square"  # the plain column serves both languages
    assert timeline.event("first-paper-1987")["image"] == "https://example.org/a.jpg"
    assert [p.column for p in timeline.warnings] == ["sources"] * 3


def test_a_picture_without_alternative_text_is_a_warning_naming_the_row(folder):
    timeline = load(folder, "1984,First case,,media/ok.png,,,,\n")
    assert [f"{p.severity}: {p}" for p in timeline.warnings if p.column != "sources"] == [
        "warning: events.csv, row 2, column 'image_alt': expected alternative text for the "
        "picture (column image_alt, image_alt_en or image_alt_fr) saying what it shows; "
        "found none"
    ]
    assert "first-case-1984" in timeline.pictures  # shown all the same


def test_every_bad_picture_is_an_error_naming_its_row_and_column(folder):
    with pytest.raises(DataError) as caught:
        load(
            folder,
            "1984,First case,,../outside.png,alt,,,\n"
            "1985,Second,,media/ok.png,alt,,,\n"
            "1986,Third,,media/missing.svg,alt,,,\n",
        )
    errors = [(p.row, p.column) for p in caught.value.problems if p.severity == "error"]
    assert errors == [(2, "image"), (4, "image")]


@given(
    st.lists(
        st.sampled_from(["..", ".", "media", "ok.png", "/", "\\", "C:", "~", "%2e%2e", "link.png"])
        | st.text(max_size=12),
        max_size=6,
    ).map("".join)
)
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_whatever_the_cell_the_answer_is_a_file_inside_the_folder_or_a_clear_refusal(folder, value):
    try:
        found = check_picture(value, folder)
    except PictureError as refused:
        assert str(refused).startswith("expected ")
        return
    root = folder.resolve()
    assert found is None or (found.is_relative_to(root) and found.is_file())
