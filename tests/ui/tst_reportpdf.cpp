// tests/ui/tst_reportpdf.cpp — the PDF report renderer (ui/report) on the offscreen platform:
// renders the breast-cancer fixture and synthetic documents, reads the PDFs back with QtPdf and
// checks page counts, the cover, section headings, "Page N of M" footers, table headers
// repeated after a page break, chart text as vector text, atomic writes and image pages.
#include "report_fixture.h"
#include "ui/report/reportlayout.h"
#include "ui/report/reportrenderer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <memory>

using namespace qpilot;

namespace {

QStringList pageTexts(const QString& path, int* pageCount = nullptr)
{
    QPdfDocument pdf;
    if (pdf.load(path) != QPdfDocument::Error::None)
        return {};
    if (pageCount)
        *pageCount = pdf.pageCount();
    QStringList texts;
    for (int i = 0; i < pdf.pageCount(); ++i)
        texts << pdf.getAllText(i).text().simplified();
    return texts;
}

// Collapses all whitespace so words wrapped over lines still match.
QString squash(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

bool anyPageContains(const QStringList& pages, const QString& needle)
{
    const QString n = squash(needle);
    for (const QString& p : pages)
        if (squash(p).contains(n, Qt::CaseInsensitive))
            return true;
    return false;
}

report::Document longTableDocument(int rows)
{
    report::Document d;
    d.title = "Long table";
    d.footer = "synthetic";
    report::Section s{"Numbers", {}};
    s.blocks.push_back(report::Paragraph{"Intro paragraph before the table."});
    report::Table t;
    t.caption = "Many rows";
    t.header = {"Alphacolumn", "Betacolumn"};
    t.numericColumns = {false, true};
    for (int i = 0; i < rows; ++i) {
        t.rows.push_back({QStringLiteral("rowkey%1x").arg(i, 3, 10, QLatin1Char('0')).toStdString(),
                          std::to_string(i * 7)});
        t.rowRatings.push_back(i % 3);
    }
    s.blocks.push_back(t);
    d.sections.push_back(s);
    return d;
}

} // namespace

class TestReportPdf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fixtureRendersAndReadsBack();
    void coverCarriesTitleVerdictAndFigures();
    void everySectionHeadingAppears();
    void footerOnEveryPage();
    void chartTextIsVector();
    void longTableRepeatsHeader_data();
    void longTableRepeatsHeader();
    void pagination_data();
    void pagination();
    void layoutNeverOverflowsAPage();
    void emptyDocumentIsOnePageCover();
    void unwritablePathFailsWithoutPartialFile();
    void imagePagesMatchPdf();
    void childProcess_data();
    void childProcess();
    void degenerateInputs_data();
    void degenerateInputs();

private:
    QTemporaryDir m_dir;
    QString m_fixturePdf;
    report::Document m_fixture;
};

void TestReportPdf::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("QPILOT_KEEP_OUTPUT")); // keep the PDFs to look at
    if (!m_dir.autoRemove())
        qInfo("output kept in %s", qPrintable(m_dir.path()));
    m_fixture = testfixture::breastCancerReportFixture();
    m_fixturePdf = m_dir.filePath(QStringLiteral("fixture.pdf"));
    QElapsedTimer timer;
    timer.start();
    const auto error = ui::renderReportPdf(m_fixture, m_fixturePdf);
    const qint64 pdfMs = timer.elapsed();
    QVERIFY2(!error, error ? error->toString().c_str() : "");
    timer.restart();
    const QList<QImage> pages = ui::renderReportPages(m_fixture, 60);
    const qint64 imageMs = timer.elapsed();
    // A measure, not an assertion: printed for the record.
    qInfo("fixture: %d pages, PDF %lld ms (%lld bytes), images at 60 dpi %lld ms", int(pages.size()), pdfMs,
          QFileInfo(m_fixturePdf).size(), imageMs);
    if (qEnvironmentVariableIsSet("QPILOT_REPORT_OUT")) { // a copy of the fixture's PDF to look at
        QFile::remove(qEnvironmentVariable("QPILOT_REPORT_OUT"));
        QFile::copy(m_fixturePdf, qEnvironmentVariable("QPILOT_REPORT_OUT"));
    }
}

void TestReportPdf::fixtureRendersAndReadsBack()
{
    QFile file(m_fixturePdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("%PDF-"));
    file.close();
    QPdfDocument pdf;
    QCOMPARE(pdf.load(m_fixturePdf), QPdfDocument::Error::None);
    const int expected = ui::reportPageCount(m_fixture);
    QCOMPARE(pdf.pageCount(), expected);
    // nine sections, 4 tables and 9 charts cannot fit in fewer than 8 pages of A4
    QVERIFY2(expected >= 8 && expected <= 20, qPrintable(QString::number(expected)));
    QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(),
             QStringLiteral("Quantum ML pilot readiness report — ") + QString::fromStdString(m_fixture.subtitle));
    QVERIFY(pdf.metaData(QPdfDocument::MetaDataField::Creator).toString().startsWith(QStringLiteral("Qpilot")));
    // A4 portrait in points
    const QSizeF size = pdf.pagePointSize(0);
    QVERIFY(qAbs(size.width() - 595.3) < 1.5 && qAbs(size.height() - 841.9) < 1.5);
}

void TestReportPdf::coverCarriesTitleVerdictAndFigures()
{
    const QStringList pages = pageTexts(m_fixturePdf);
    QVERIFY(!pages.isEmpty());
    const QString cover = squash(pages.first());
    for (const std::string& s : {m_fixture.title, m_fixture.verdict, std::string("VERDICT · AMBER"),
                                 std::string("Best device"), std::string("$1,180"), std::string("Run"),
                                 std::string("24 November 2026, 10:42 UTC")})
        QVERIFY2(cover.contains(squash(QString::fromStdString(s))), s.c_str());
    QVERIFY(cover.contains(squash(QStringLiteral("inference must fall from $1,180"))));
    // the cover holds no section content
    QVERIFY(!cover.contains(squash(QStringLiteral("Executive summary"))));
}

void TestReportPdf::everySectionHeadingAppears()
{
    const QStringList pages = pageTexts(m_fixturePdf);
    const auto headings = testfixture::fixtureSectionHeadings();
    QCOMPARE(int(headings.size()), int(m_fixture.sections.size()));
    for (size_t i = 0; i < headings.size(); ++i) {
        const QString numbered = QStringLiteral("%1 %2").arg(i + 1).arg(QString::fromStdString(headings[i]));
        QVERIFY2(anyPageContains(pages.mid(1), numbered), qPrintable(numbered));
    }
}

void TestReportPdf::footerOnEveryPage()
{
    int count = 0;
    const QStringList pages = pageTexts(m_fixturePdf, &count);
    QCOMPARE(pages.size(), count);
    for (int i = 0; i < count; ++i) {
        const QString page = squash(pages[i]);
        QVERIFY2(page.contains(squash(QStringLiteral("Page %1 of %2").arg(i + 1).arg(count))), qPrintable(pages[i]));
        QVERIFY(page.contains(squash(QString::fromStdString(m_fixture.footer))));
        if (i > 0) // running header on every page after the cover
            QVERIFY(page.contains(squash(QString::fromStdString(m_fixture.title))));
    }
}

void TestReportPdf::chartTextIsVector()
{
    // axis labels, legend entries, reference-line labels and radar axes are text in the PDF,
    // which they would not be if charts were pasted as bitmaps
    const QStringList pages = pageTexts(m_fixturePdf);
    for (const char* s : {"Cost per 1k inferences (USD)", "objective $100", "Compile + upload",
                          "Operational readiness", "ionq_forte_1 mitigated", "Two-qubit gates (transpiled)",
                          "Kernel value", "Figure 9."})
        QVERIFY2(anyPageContains(pages, QString::fromUtf8(s)), s);
}

void TestReportPdf::longTableRepeatsHeader_data()
{
    QTest::addColumn<int>("rows");
    QTest::newRow("fits on one page") << 20;
    QTest::newRow("two pages") << 70;
    QTest::newRow("four pages") << 200;
}

void TestReportPdf::longTableRepeatsHeader()
{
    QFETCH(int, rows);
    const report::Document doc = longTableDocument(rows);
    const QString path = m_dir.filePath(QStringLiteral("long%1.pdf").arg(rows));
    QVERIFY(!ui::renderReportPdf(doc, path));
    int count = 0;
    const QStringList pages = pageTexts(path, &count);
    QCOMPARE(count, ui::reportPageCount(doc));
    // every row exactly once, in order; every page with rows carries the header
    int next = 0;
    for (int p = 1; p < count; ++p) {
        const QString& text = pages[p];
        const int firstRow = next;
        int pos = 0;
        while (true) {
            const QString key = QStringLiteral("rowkey%1x").arg(next, 3, 10, QLatin1Char('0'));
            const int at = text.indexOf(key, pos);
            if (at < 0)
                break;
            pos = at + key.size();
            ++next;
        }
        QVERIFY2(!text.contains(QStringLiteral("rowkey%1x").arg(firstRow - 1, 3, 10, QLatin1Char('0'))) || firstRow == 0,
                 "a row appears on two pages");
        if (next > firstRow) {
            // QtPdf (pdfium) sometimes splits words of the text layer with spaces; compare squashed
            const QString flat = squash(text);
            QVERIFY2(flat.contains(QStringLiteral("Alphacolumn")) && flat.contains(QStringLiteral("Betacolumn")),
                     qPrintable(QStringLiteral("page %1 lacks the table header: %2").arg(p + 1).arg(text.left(300))));
            QCOMPARE(flat.contains(QStringLiteral("Table1(continued)")), firstRow > 0);
        }
    }
    QCOMPARE(next, rows);
    // single-line 8.3 pt rows are 5–8.5 mm tall; 255 mm of A4 content hold 30–51 of them
    if (rows <= 20) {
        QCOMPARE(count, 2);
    } else {
        QVERIFY2(count >= 1 + (rows + 50) / 51 && count <= 1 + (rows + 29) / 30 + 1, qPrintable(QString::number(count)));
    }
}

void TestReportPdf::pagination_data()
{
    QTest::addColumn<int>("sections");
    QTest::addColumn<int>("breaksAfterEach");
    QTest::addColumn<bool>("breakBeforeText");
    QTest::addColumn<int>("pages");
    QTest::newRow("one short section") << 1 << 0 << false << 2;
    QTest::newRow("three short sections share a page") << 3 << 0 << false << 2;
    QTest::newRow("break after each (trailing one adds nothing)") << 3 << 1 << false << 4;
    QTest::newRow("double breaks count once") << 3 << 2 << false << 4;
    QTest::newRow("break between heading and text") << 2 << 0 << true << 3;
    QTest::newRow("break between heading and text, and after") << 2 << 1 << true << 4;
}

void TestReportPdf::pagination()
{
    QFETCH(int, sections);
    QFETCH(int, breaksAfterEach);
    QFETCH(bool, breakBeforeText);
    QFETCH(int, pages);
    report::Document d;
    d.title = "Pagination";
    for (int i = 0; i < sections; ++i) {
        report::Section s{"Section " + std::to_string(i + 1), {}};
        if (breakBeforeText && i == 0)
            s.blocks.push_back(report::PageBreak{});
        s.blocks.push_back(report::Paragraph{"Short **paragraph** number " + std::to_string(i + 1) + "."});
        for (int b = 0; b < breaksAfterEach; ++b)
            s.blocks.push_back(report::PageBreak{});
        d.sections.push_back(s);
    }
    QCOMPARE(ui::reportPageCount(d), pages);
    const QString path = m_dir.filePath(QStringLiteral("pagination.pdf"));
    QVERIFY(!ui::renderReportPdf(d, path));
    int count = 0;
    const QStringList texts = pageTexts(path, &count);
    QCOMPARE(count, pages);
    QVERIFY(anyPageContains(texts, QStringLiteral("Short paragraph number 1.")));
}

void TestReportPdf::layoutNeverOverflowsAPage()
{
    for (const report::Document& doc : {m_fixture, longTableDocument(200)}) {
        const ui::report::Layout layout = ui::report::layoutDocument(doc);
        const double height = layout.page.contentHeight();
        for (size_t p = 0; p < layout.flowPages.size(); ++p) {
            const auto& items = layout.flowPages[p];
            QVERIFY(!items.empty());
            for (const auto& item : items) {
                const auto& f = layout.fragments[size_t(item.fragment)];
                QVERIFY2(item.y >= 0 && item.y + f.height <= height + 0.5,
                         qPrintable(QStringLiteral("page %1 overflows").arg(p + 2)));
            }
            // a heading or a table caption is never the last thing on a page that is followed by more
            if (p + 1 < layout.flowPages.size())
                QVERIFY2(!layout.fragments[size_t(items.back().fragment)].keepWithNext,
                         qPrintable(QStringLiteral("page %1 ends on a keep-with-next block").arg(p + 2)));
        }
        // every in-flow fragment is placed exactly once
        std::vector<int> placed(layout.fragments.size(), 0);
        for (const auto& page : layout.flowPages)
            for (const auto& item : page)
                ++placed[size_t(item.fragment)];
        for (size_t i = 0; i < layout.fragments.size(); ++i)
            if (!layout.fragments[i].floating && !layout.fragments[i].pageBreak)
                QCOMPARE(placed[i], 1);
    }
}

void TestReportPdf::emptyDocumentIsOnePageCover()
{
    const report::Document empty;
    const QString path = m_dir.filePath(QStringLiteral("empty.pdf"));
    const auto error = ui::renderReportPdf(empty, path);
    QVERIFY2(!error, error ? error->toString().c_str() : "");
    int count = 0;
    const QStringList texts = pageTexts(path, &count);
    QCOMPARE(count, 1);
    QVERIFY(squash(texts.first()).contains(QStringLiteral("Page1of1")));
    QVERIFY(squash(texts.first()).contains(QStringLiteral("VERDICT")));
    QCOMPARE(ui::renderReportPages(empty, 30).size(), 1);
}

void TestReportPdf::unwritablePathFailsWithoutPartialFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir")));
    const QString missingParent = dir.filePath(QStringLiteral("no/such/dir/report.pdf"));
    const QString isDirectory = dir.filePath(QStringLiteral("adir"));
    for (const QString& path : {missingParent, isDirectory}) {
        const auto error = ui::renderReportPdf(m_fixture, path);
        QVERIFY(error.has_value());
        QCOMPARE(QString::fromStdString(error->file), QDir::toNativeSeparators(path));
        QVERIFY2(QString::fromStdString(error->toString()).contains(path), error->toString().c_str());
        QVERIFY(QString::fromStdString(error->message).startsWith(QStringLiteral("cannot write the PDF report")));
    }
    QVERIFY(!QFile::exists(missingParent));
    // nothing left behind: only the directory we made
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("adir")});
    QVERIFY(QDir(isDirectory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    // an existing report is only replaced by a complete one
    const QString existing = dir.filePath(QStringLiteral("keep.pdf"));
    QVERIFY(!ui::renderReportPdf(report::Document{}, existing));
    const QByteArray before = [&] { QFile f(existing); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QVERIFY(!ui::renderReportPdf(m_fixture, existing));
    QFile after(existing);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY(after.size() > before.size());
}

void TestReportPdf::imagePagesMatchPdf()
{
    const int dpi = 50;
    const QList<QImage> images = ui::renderReportPages(m_fixture, dpi);
    QPdfDocument pdf;
    QCOMPARE(pdf.load(m_fixturePdf), QPdfDocument::Error::None);
    QCOMPARE(int(images.size()), pdf.pageCount());
    for (const QImage& image : images) {
        QCOMPARE(image.size(), QSize(qRound(210 / 25.4 * dpi), qRound(297 / 25.4 * dpi)));
        // something is drawn on every page, and the page is mostly white paper
        int ink = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                if (qGray(image.pixel(x, y)) < 200)
                    ++ink;
        const int samples = (image.height() / 2) * (image.width() / 2);
        QVERIFY(ink > 100);
        QVERIFY(ink < samples / 2);
    }
    // the cover's verdict banner is amber-tinted: find the amber edge bar on the left margin
    const QImage& cover = images.first();
    bool amber = false;
    for (int y = 0; y < cover.height() && !amber; ++y) {
        const QColor c = cover.pixelColor(qRound(20.5 / 25.4 * dpi), y);
        amber = c.red() > 200 && c.green() > 130 && c.green() < 180 && c.blue() < 60;
    }
    QVERIFY(amber);
}

void TestReportPdf::childProcess_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("QApplication -platform offscreen, no display") << "gui" << 0;
    QTest::newRow("QCoreApplication only: refused, no crash") << "core" << 1;
}

void TestReportPdf::childProcess()
{
    // What the CLI does: a fresh process, no DISPLAY, the platform chosen on the command line.
    QFETCH(QString, mode);
    QFETCH(int, exitCode);
    const QString out = m_dir.filePath(QStringLiteral("child-%1.pdf").arg(mode));
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(var));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--render-child"), mode, out, QStringLiteral("-platform"), QStringLiteral("offscreen")});
    QVERIFY(child.waitForFinished(120000));
    const QString err = QString::fromUtf8(child.readAllStandardError());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == exitCode, qPrintable(err));
    if (exitCode == 0) {
        QPdfDocument pdf;
        QCOMPARE(pdf.load(out), QPdfDocument::Error::None);
        QCOMPARE(pdf.pageCount(), ui::reportPageCount(m_fixture));
    } else {
        QVERIFY2(err.contains(QStringLiteral("needs a QApplication")), qPrintable(err));
        QVERIFY(!QFile::exists(out));
    }
}

void TestReportPdf::degenerateInputs_data()
{
    QTest::addColumn<int>("kind");
    for (int k = int(report::ChartKind::Bar); k <= int(report::ChartKind::HeatMap); ++k)
        QTest::newRow(qPrintable(QStringLiteral("chart kind %1").arg(k))) << k;
}

void TestReportPdf::degenerateInputs()
{
    // empty and odd data must render (and say so), never crash or hang
    QFETCH(int, kind);
    report::Document d;
    d.title = "Degenerate";
    d.verdictRating = 7; // out of range: neutral colours
    report::Section s{"Odd data", {}};
    report::Chart empty;
    empty.kind = report::ChartKind(kind);
    empty.title = "Empty chart";
    s.blocks.push_back(empty);
    report::Chart odd;
    odd.kind = report::ChartKind(kind);
    odd.title = "Odd chart";
    odd.logY = true;
    odd.categories = {"a", "b"};
    odd.series = {{"s1", {}, {-1, std::nan("")}, {0.5}}, {"s2", {3, 1}, {0, 2}, {}}};
    odd.matrix = {{1, 2, 3}, {4}};
    odd.referenceLines = {{"", 0}, {"negative line", -5}};
    s.blocks.push_back(odd);
    report::Table noHeader;
    noHeader.rows = {{"only", "rows"}, {std::string(6000, 'x')}}; // one cell taller than a page
    noHeader.rowRatings = {5};
    s.blocks.push_back(noHeader);
    s.blocks.push_back(report::KeyFigures{});
    s.blocks.push_back(report::Paragraph{"unbalanced ** bold marker and an empty paragraph follows"});
    s.blocks.push_back(report::Paragraph{""});
    d.sections.push_back(s);
    const QString path = m_dir.filePath(QStringLiteral("odd%1.pdf").arg(kind));
    const auto error = ui::renderReportPdf(d, path);
    QVERIFY2(!error, error ? error->toString().c_str() : "");
    int count = 0;
    const QStringList texts = pageTexts(path, &count);
    QCOMPARE(count, ui::reportPageCount(d));
    QCOMPARE(int(ui::renderReportPages(d, 20).size()), count);
    if (report::ChartKind(kind) != report::ChartKind::Radar)
        QVERIFY(anyPageContains(texts, QStringLiteral("No data")));
    QVERIFY(anyPageContains(texts, QStringLiteral("unbalanced ** bold marker")));
}

// Child mode: `--render-child gui|core OUT.pdf [Qt options]` renders the fixture and exits
// (1 with the error on stderr when rendering is refused).
static int renderChild(int argc, char** argv)
{
    const bool gui = qstrcmp(argv[2], "gui") == 0;
    std::unique_ptr<QCoreApplication> app;
    if (gui)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    const auto error = ui::renderReportPdf(testfixture::breastCancerReportFixture(), QString::fromLocal8Bit(argv[3]));
    if (error) {
        fprintf(stderr, "%s\n", error->toString().c_str());
        return 1;
    }
    return 0;
}

int main(int argc, char** argv)
{
    if (argc >= 4 && qstrcmp(argv[1], "--render-child") == 0)
        return renderChild(argc, argv);
    QApplication app(argc, argv);
    TestReportPdf test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_reportpdf.moc"
