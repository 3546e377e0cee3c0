"""How much a timeline's file may hold, and the messages that name a limit it passed.

A lecturer's file is read on the server, at start and again whenever it changes (live
reload, in the middle of a lecture): one file must not be able to take all the memory or
time of the machine. A small file can expand to a lot: an .xlsx is a zip of XML (a 2.75 MB
workbook held 774 MB of sheet XML; one with a single cell in the last column on a million
rows grew to 11.5 GB in memory), and a CSV of short rows has many of them. So reading
stops at the first limit passed, before building anything, with one `Problem` that names
the limit and says how to get under it.

The limits are far above what a timeline needs: the largest measured (bench/) has 100,000
events of 13 filled columns, a 62 MB CSV or a 16 MB workbook holding 122 MB of sheet XML,
read in about 35 s.
"""

from __future__ import annotations

from core.i18n import Message, message

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB  # the file on disk (a CSV of 100,000 rich rows is about 60 MB)
MAX_JSON_BYTES = 64 * MB  # a vis-timeline JSON file: parsed whole (100,000 items are about 15 MB)
MAX_ROWS = 200_000  # rows of the sheet, the header and blank rows included
MAX_COLUMNS = 100  # columns with something in them; a timeline's files know 18 at most
MAX_CELLS = 4_000_000  # cells read in all, up to the last filled one of each row
MAX_READ_SECONDS = 60.0  # reading one file
MAX_CELL_CHARS_READ = 1_000_000  # one CSV cell (the loader reports over 10,000 by length)
MAX_ROW_SEPARATORS = 100_000  # separators in one CSV row, quoted ones included

# An .xlsx workbook, checked in its zip directory before any part is unpacked.
MAX_PARTS = 1_000  # files in the zip (a workbook saved by Excel has about 10)
MAX_PART_BYTES = 256 * MB  # what one part unpacks to (a 100,000-event sheet: 122 MB)
MAX_UNPACKED_BYTES = 512 * MB  # what the whole workbook unpacks to
MAX_RATIO = 100  # unpacked / packed size of a part over 1 MB (sheets: about 8; zip bombs: 1,000)
RATIO_FROM_BYTES = 1 * MB

# How to get under a limit, said at the end of several messages
SPLIT_SAID = message("problem_split")
SPLIT = str(SPLIT_SAID)  # in English


def size_messages(found: int, limit: int) -> tuple[Message, Message]:
    """Sizes to put side by side in "at most X; found Y", precise enough to differ, as
    each language writes them (200.2 MB; 200,2 Mo)."""
    found_tenths, limit_tenths = round(found * 10 / MB), round(limit * 10 / MB)
    if found_tenths == limit_tenths:
        return message("size_bytes", count=found), message("size_bytes", count=limit)
    limit_said = (
        message("size_mb", count=limit_tenths // 10)
        if limit_tenths % 10 == 0
        else _tenths(limit_tenths)
    )
    return _tenths(found_tenths), limit_said


def file_too_large(size: int, limit: int) -> Message:
    """ "expected a file of at most X; found Y: split it ..." for a file of `size` bytes."""
    found, most = size_messages(size, limit)
    return message("problem_file_too_large", limit=most, size=found, split=SPLIT_SAID)


def _tenths(tenths: int) -> Message:
    return message("size_mb_tenths", whole=tenths // 10, tenth=str(tenths % 10))


def size_text(found: int, limit: int) -> tuple[str, str]:
    """`size_messages` in English."""
    found_said, limit_said = size_messages(found, limit)
    return str(found_said), str(limit_said)
