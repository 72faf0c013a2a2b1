// ui/plots/dashboards.h — entry header of ui/plots: the pilot dashboards. DashboardsView shows a
// PilotRun as interactive QCustomPlot charts on six pages (Encoding cost, Mitigation, Cost &
// latency, Quantum vs classical, Reproducibility, Devices with the DeviceComparisonModel table).
// The charts' data: dashboardcharts.h; one chart: chartview.h; docs/dashboards.md.
#pragma once

#include "core/common/result.h"
#include "core/pilot/run.h"
#include "ui/plots/chartview.h"
#include "ui/plots/dashboardcharts.h"
#include "ui/plots/devicecomparisonmodel.h"

#include <QImage>
#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace qpilot::ui::plots {

class DashboardsView : public QWidget {
    Q_OBJECT

public:
    explicit DashboardsView(QWidget* parent = nullptr);

    void setRun(const pilot::PilotRun& run);
    void clear();

    int chartCount() const;
    QString chartTitle(int i) const;
    ChartView* chart(int i) const;
    // Index of the chart with DashboardChart::id `id`, -1 when none.
    int chartIndex(const QString& id) const;
    // Writes chart `i` as .png, .svg or .pdf (by suffix).
    std::optional<Error> exportChart(int i, const QString& path) const;

    int pageCount() const;
    QString pageTitle(int page) const;
    void showPage(int page);
    // The widget shown at `size` on page `page` (grabbed offscreen), for screenshots and previews.
    QImage renderPage(int page, const QSize& size);

    QTabWidget* tabs() const { return m_tabs; }
    DeviceComparisonModel* deviceModel() const { return m_deviceModel; }
    QTableView* deviceTable() const { return m_deviceTable; }

private:
    void rebuild(const std::vector<DashboardChart>& charts);

    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QTabWidget* m_tabs = nullptr;
    std::vector<ChartPanel*> m_panels;
    DeviceComparisonModel* m_deviceModel = nullptr;
    QTableView* m_deviceTable = nullptr;
};

} // namespace qpilot::ui::plots
