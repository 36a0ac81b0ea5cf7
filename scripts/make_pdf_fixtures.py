"""Print the PDF fixtures of ``tests/test_pdf_text.py`` with headless Chromium.

Chromium prints as many real reports are printed: justified text, two columns, typographic
ligatures ("fi", "ff", "fl" as one glyph), words hyphenated at a line end, superscript
footnote markers, headings between paragraphs, a running header and a "Page N of M" footer.
The texts are written for these tests. The PDFs are committed, so the tests need no browser;
run this script (``python scripts/make_pdf_fixtures.py``) only to change them.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "fixtures" / "pdf"
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.35; text-align: justify; }
h1 { font-size: 15pt; text-align: left; } h2 { font-size: 12pt; text-align: left; margin: 0.8em 0 0.3em; }
p { margin: 0 0 0.6em; } .letterhead { font-weight: bold; text-align: left; }
"""

HEADER = '<div style="font-size:7pt; width:100%; text-align:center;">RIVER BASIN OBSERVATORY | Working Note 14</div>'
FOOTER = (
    '<div style="font-size:7pt; width:100%; text-align:center;">'
    'Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)

ONE_COLUMN = """
<p class="letterhead">River Basin Observatory</p>
<h1>Financing the Lower Valley Irrigation Programme</h1>
<p>12 March 2021</p>
<h2>Background</h2>
<p>The Ministry of Water Resources and the Lower Valley Development Fund signed a financing
agreement on 12 March 2021 for the rehabilitation of 14 irrigation schemes in five districts.
The official figures show that the affluent districts upstream received fifty percent of the
flows in the last decade, while the downstream districts, where most low-income farmers live,
received less than a fifth.<sup>1</sup> The agreement is the first of its kind in the region and
follows a long consultation with water-user associations, district councils and the Regional
Office for Agricultural Develop-<br>ment of the Eastern Provinces.</p>
<p>Under the agreement, the fund provides USD 42 million over six years, and the ministry adds
a further USD 8 million from its own budget.<sup>2</sup> The money pays for new intake
structures, lined canals and the training of 300 scheme operators in efficient water
management. An independent panel will audit the accounts every year and publish its
findings by 30 June.</p>
<h2>Objectives</h2>
<p>The programme aims to raise the yields of smallholder farms by a third and to cut the
water lost between the intake and the field by half. It also seeks to strengthen the
COVID-19 recovery plans of the districts, which suffered heavy losses in 2020, and to improve
the coordination between the ministry and the International Commission for the Lower Valley
Basin, whose secretariat will host the programme office from 1 September 2021.</p>
"""

TWO_COLUMNS = """
<p class="letterhead">Coastal Resilience Institute</p>
<h1>Adaptation Finance for Coastal Cities</h1>
<div style="column-count: 2; column-gap: 1.2em;">
<h2>1. Trends in adaptation finance</h2>
<p>Between 2015 and 2020, the coastal cities of the region received USD 3.4 billion of
adaptation finance from bilateral and multilateral providers, an annual average of USD 570
million. The Asian Infrastructure Investment Bank and the Nordic Development Fund provided
most of the multilateral finance.<sup>3</sup> Flood defences and early warning systems took
the largest share, followed by the rehabilitation of mangroves and wetlands.</p>
<p>The figures come from the reports that the providers submit to the Organisation for
Economic Co-operation and Develop-<br>ment every year, and they cover 27 countries. Finance for
cross-cutting projects, which serve both mitigation and adaptation, is shown separately
because its adaptation share cannot be measured.</p>
<h2>2. Gaps and needs</h2>
<p>The needs of the coastal cities are far larger than the flows. The estimates prepared by
the Coastal Resilience Institute put them at USD 12 billion a year by 2030, four times the
current level. The effects of sea-<br>level rise on low-<br>lying districts, where the poorest
households live, are the most costly to offset.<sup>4</sup> A fifth of the cities still have
no flood risk map, and only nine of the 27 countries have a national adaptation plan that
names its coastal cities.</p>
<p>The institute therefore recommends that providers double their grants for coastal
adaptation by 2025 and that the cities publish their invest-<br>ment plans in a common format. The flood maps of the
AIDS-<br>related health programme and the COVID-<br>19 response stay apart.</p>
</div>
"""

FIXTURES = {
    "justified-one-column.pdf": (ONE_COLUMN, {"format": "A5", "margin": "16mm"}),
    "justified-two-columns.pdf": (TWO_COLUMNS, {"width": "118mm", "height": "168mm", "margin": "12mm"}),
}


# fpdf2 justifies a line by widening its spaces, and pypdf reads a widened space as a run of
# spaces ("12  March  2021"): the text repair must give every pattern one space.
FPDF_PARAGRAPHS = [
    ("heading", "Irrigation Finance in the Lower Valley"),
    (
        "body",
        "The Lower Valley Development Fund approved a loan of USD 42 million on 12 March 2021 for the "
        "rehabilitation of 14 irrigation schemes in five districts of the valley. The International Commission "
        "for the Lower Valley Basin will supervise the works, which start in September 2021 and end in 2026.",
    ),
    ("heading", "Background"),
    (
        "body",
        "In the last decade, the affluent districts upstream received fifty percent of the flows, while "
        "the downstream districts, where most of the 120,000 smallholder households live, received a fifth. "
        "The fund and the Ministry of Water Resources agreed in 2019 to share the costs of the new canals. "
        "The loan is the first of the fund's programme for efficient irrigation, which aims to cut the water "
        "lost between the intake and the field by half before the end of the decade, and which the board of "
        "the fund reviewed on 30 June 2020 together with the Regional Office for Agricultural Development "
        "of the Eastern Provinces and the water-user associations of the valley, whose members asked for a "
        "larger share of the works to be given to local firms.",
    ),
]
FPDF_HEADER = "RIVER BASIN OBSERVATORY | Working Note 15"


def print_fpdf_fixture(path: Path) -> Path:
    """A two-page A5 note printed by fpdf2 with widened spaces, a running header and a page footer."""
    from fpdf import FPDF

    class Note(FPDF):
        def header(self) -> None:
            self.set_font("dejavu", size=7)
            self.cell(0, 6, FPDF_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("dejavu", size=7)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Note(format=(148, 105))
    pdf.set_title("Irrigation Finance in the Lower Valley")
    pdf.set_author("Amara Okafor")
    pdf.add_font("dejavu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("dejavu", style="B", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_page()
    for kind, text in FPDF_PARAGRAPHS:
        if kind == "heading":
            pdf.set_font("dejavu", style="B", size=12)
            pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("dejavu", size=10)
            pdf.multi_cell(0, 5, text, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))
    return path


def html_page(body: str) -> str:
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{_title(body)}</title><style>{STYLE}</style></head><body>{body}</body></html>'


def _title(body: str) -> str:
    return body.split("<h1>", 1)[1].split("</h1>", 1)[0]


def print_fixtures(out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        page = browser.new_page()
        for name, (body, layout) in FIXTURES.items():
            page.set_content(html_page(body))
            size = (
                {"format": layout["format"]}
                if "format" in layout
                else {"width": layout["width"], "height": layout["height"]}
            )
            margin = {side: layout["margin"] for side in ("top", "bottom", "left", "right")}
            path = out / name
            page.pdf(
                path=str(path),
                **size,
                margin=margin,
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                print_background=False,
            )
            written.append(path)
        browser.close()
    written.append(print_fpdf_fixture(out / "widened-spaces.pdf"))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    for path in print_fixtures(args.out, args.chromium):
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
