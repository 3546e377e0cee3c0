"""References in Vancouver style, and which links they get."""

import pytest

from core.publish.citations import format_reference, reference_links

GALIBERT = {
    "type": "article",
    "authors": "Galibert P|Deramond H|Rosat P|Le Gars D",
    "title": "Note préliminaire sur le traitement des angiomes vertébraux par vertébroplastie acrylique percutanée",
    "container": "Neurochirurgie",
    "year": "1987",
    "volume": "33",
    "issue": "2",
    "pages": "166-8",
    "pmid": "3600949",
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            GALIBERT,
            "Galibert P, Deramond H, Rosat P, Le Gars D. Note préliminaire sur le traitement des angiomes"
            " vertébraux par vertébroplastie acrylique percutanée. Neurochirurgie. 1987;33(2):166-8."
            " PMID: 3600949",
        ),
        (
            {
                "type": "article",
                "authors": "Buchbinder R|et al.",
                "title": "A randomized trial",
                "container": "N Engl J Med",
                "year": "2009",
                "volume": "361",
                "issue": "6",
                "pages": "557-68",
                "doi": "10.1056/NEJMoa0900429",
            },
            "Buchbinder R, et al. A randomized trial. N Engl J Med. 2009;361(6):557-68."
            " doi:10.1056/NEJMoa0900429",
        ),
        (
            {
                "type": "article",
                "authors": "A A|B B|C C|D D|E E|F F|G G",
                "title": "Seven authors?",
                "container": "J",
                "year": "2000",
            },
            "A A, B B, C C, D D, E E, F F, et al. Seven authors? J. 2000.",
        ),
        (
            {
                "type": "guideline",
                "title": "Percutaneous vertebroplasty",
                "container": "National Institute for Health and Care Excellence",
                "year": "2013",
                "official_id": "TA279",
            },
            "National Institute for Health and Care Excellence. Percutaneous vertebroplasty. 2013. TA279.",
        ),
        (
            {
                "type": "article",
                "authors": "Firanescu CE|et al.",
                "container": "BMJ",
                "year": "2018",
                "volume": "361",
                "pages": "k1551",
            },
            "Firanescu CE, et al. BMJ. 2018;361:k1551.",
        ),
    ],
)
def test_vancouver(source, expected):
    assert format_reference(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (GALIBERT, [("PubMed", "https://pubmed.ncbi.nlm.nih.gov/3600949/")]),
        ({"doi": "10.1056/NEJMoa0900429"}, [("DOI", "https://doi.org/10.1056/NEJMoa0900429")]),
        (
            {"official_id": "K981251"},
            [
                (
                    "FDA K981251",
                    "https://www.accessdata.fda.gov/scripts/cdrh/cfdocs/cfpmn/pmn.cfm?ID=K981251",
                )
            ],
        ),
        ({"official_id": "TA279"}, [("NICE TA279", "https://www.nice.org.uk/guidance/ta279")]),
        (
            {"official_id": "TA279", "url": "https://www.nice.org.uk/guidance/ta279"},
            [("NICE TA279", "https://www.nice.org.uk/guidance/ta279")],
        ),
        ({"url": "javascript:alert(1)"}, []),
        ({"url": "data:text/html,<script>alert(1)</script>"}, []),
        ({"url": "HTTPS://example.org/x"}, [("Web", "HTTPS://example.org/x")]),
        ({"pmid": "12a"}, []),
    ],
)
def test_links_are_built_from_identifiers_and_only_http(source, expected):
    assert reference_links(source) == expected
