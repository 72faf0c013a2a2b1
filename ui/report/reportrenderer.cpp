// ui/report/reportrenderer.cpp — report::Document → PDF (QPdfWriter via QSaveFile) or images.
#include "ui/report/reportrenderer.h"

#include "ui/report/reportlayout.h"
#include "ui/report/reportpdfwriter.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QThread>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace qpilot::ui {

namespace {

std::optional<std::string> missingApplication()
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
        return std::string("rendering a report needs a QApplication (charts are QCustomPlot widgets); "
                           "create one first, with QT_QPA_PLATFORM=offscreen when there is no display");
    if (QThread::currentThread() != QCoreApplication::instance()->thread())
        return std::string("rendering a report must run on the GUI thread");
    return std::nullopt;
}

} // namespace

void report::setupReportPdfWriter(QPdfWriter& writer, const qpilot::report::Document& doc)
{
    writer.setResolution(int(kLayoutDpi));
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(QString::fromStdString(doc.title.empty() ? std::string("Qpilot report") : doc.title) +
                    (doc.subtitle.empty() ? QString() : QStringLiteral(" — ") + QString::fromStdString(doc.subtitle)));
    const QString version = QCoreApplication::applicationVersion();
    writer.setCreator(QStringLiteral("Qpilot") + (version.isEmpty() ? QString() : QStringLiteral(" ") + version));
}

int reportPageCount(const qpilot::report::Document& doc)
{
    if (missingApplication())
        return 0;
    return report::layoutDocument(doc).pageCount();
}

std::optional<qpilot::Error> renderReportPdf(const qpilot::report::Document& doc, const QString& path)
{
    const std::string where = QDir::toNativeSeparators(path).toStdString();
    if (auto missing = missingApplication())
        return qpilot::Error(*missing, where);
    if (path.isEmpty())
        return qpilot::Error("no output path given for the PDF report");
    if (QFileInfo(path).isDir())
        return qpilot::Error("cannot write the PDF report: the path is a directory", where);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return qpilot::Error("cannot write the PDF report: " + file.errorString().toStdString(), where);

    const report::Layout layout = report::layoutDocument(doc);
    {
        QPdfWriter writer(&file);
        report::setupReportPdfWriter(writer, doc);
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            return qpilot::Error("cannot start painting the PDF report", where);
        }
        const double scale = writer.width() / layout.page.width;
        for (int i = 0; i < layout.pageCount(); ++i) {
            if (i > 0 && !writer.newPage()) {
                painter.end();
                file.cancelWriting();
                return qpilot::Error("cannot add page " + std::to_string(i + 1) + " to the PDF report", where);
            }
            painter.save();
            if (std::abs(scale - 1) > 1e-3) // 300 dpi: layout dots are device pixels
                painter.scale(scale, scale);
            report::paintPage(painter, doc, layout, i);
            painter.restore();
        }
        painter.end();
    }
    if (!file.commit())
        return qpilot::Error("cannot write the PDF report: " + file.errorString().toStdString(), where);
    return std::nullopt;
}

QList<QImage> renderReportPages(const qpilot::report::Document& doc, int dpi)
{
    QList<QImage> pages;
    if (missingApplication())
        return pages;
    dpi = std::clamp(dpi, 20, 600);
    const report::Layout layout = report::layoutDocument(doc);
    const double scale = dpi / report::kLayoutDpi;
    const QSize size(qRound(layout.page.width * scale), qRound(layout.page.height * scale));
    const int dotsPerMeter = qRound(dpi / 0.0254);
    for (int i = 0; i < layout.pageCount(); ++i) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        image.fill(Qt::white);
        QCPPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(scale, scale);
        report::paintPage(painter, doc, layout, i);
        painter.end();
        pages.push_back(image);
    }
    return pages;
}

} // namespace qpilot::ui
