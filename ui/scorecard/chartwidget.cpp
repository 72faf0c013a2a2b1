// ui/scorecard/chartwidget.cpp — paints a report::Chart into a widget through the report's painter,
// in the colours of the widget's palette.
#include "ui/scorecard/chartwidget.h"

#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"

#include <QFontInfo>
#include <QPaintEvent>
#include <qcustomplot.h>

#include <algorithm>

namespace qpilot::ui {

ChartWidget::ChartWidget(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ChartWidget::setChart(const qpilot::report::Chart& chart)
{
    m_chart = chart;
    update();
}

void ChartWidget::setLabelPixels(double pixels)
{
    m_labelPixels = std::max(0.0, pixels);
    update();
}

void ChartWidget::paintEvent(QPaintEvent*)
{
    QCPPainter p(this);
    const report::ChartTheme theme = report::chartTheme(palette()); // a palette change repaints
    p.fillRect(rect(), theme.background);
    const double labelPx = m_labelPixels > 0 ? m_labelPixels : std::max(11, QFontInfo(font()).pixelSize()) * 1.0;
    const double scale = labelPx / report::pt(7.5); // widget pixels per layout dot
    const QRectF dots(0, 0, width() / scale, height() / scale);
    p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    p.scale(scale, scale);
    report::paintChart(p, m_chart, dots, theme);
}

} // namespace qpilot::ui
