# Reading exported documents back to words, to compare a DOCX, ODT or PDF with the Markdown it
# was made from: one word a line, table rules dropped, the title and subtitle first.

# document_words FILE: the words of FILE (.md, .docx, .odt or .pdf).
document_words() {
    local file=$1 template
    template=$(mktemp)
    printf '$title$\n$subtitle$\n$body$\n' >"$template"
    case "$file" in
    *.md) pandoc --template "$template" --from markdown --to plain "$file" ;;
    *.docx) pandoc --template "$template" --from docx --to plain "$file" ;;
    # pandoc's ODT reader drops a table's heading row: the words come from content.xml instead.
    *.odt) python3 -c 'import sys, zipfile, xml.etree.ElementTree as ET
print(" ".join(ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("content.xml")).itertext()))' "$file" ;;
    *.pdf) pdftotext "$file" - ;;
    esac | tr -s ' \t\r\n' '\n' | grep -v '^-*$'
    rm -f "$template"
}
