// ui/scorecard/chartwidget.h — a QWidget that paints one report::Chart with the report's own
// chart painter (ui/report/reportcharts: QCustomPlot for bars/lines, the report's radar), so a
// chart in the app is laid out exactly like the same chart in the PDF; its colours follow the
// widget's palette (report::chartTheme; the PDF keeps its white paper). The report lays out in 300-dpi
// dots; the widget maps them to its pixels with a scale chosen so the chart's 7.5 pt label font
// appears at `labelPixels` (default: the widget font's pixel size).
#pragma once

#include "core/report/report.h"

#include <QWidget>

namespace qpilot::ui {

class ChartWidget : public QWidget {
    Q_OBJECT
public:
    explicit ChartWidget(QWidget* parent = nullptr);

    void setChart(const qpilot::report::Chart& chart);
    const qpilot::report::Chart& chart() const { return m_chart; }
    // Pixel height of the chart's labels (0 = from the widget's font).
    void setLabelPixels(double pixels);

    QSize sizeHint() const override { return {420, 360}; }
    QSize minimumSizeHint() const override { return {240, 200}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    qpilot::report::Chart m_chart;
    double m_labelPixels = 0;
};

} // namespace qpilot::ui
