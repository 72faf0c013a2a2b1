// ui/plots/dashboards.cpp — the dashboards widget: pages of ChartPanels laid out two per row, the
// device comparison table, and the placeholder shown before a run is set.
#include "ui/plots/dashboards.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace qpilot::ui::plots {

DashboardsView::DashboardsView(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(tr("Run a pilot or open a stored run to see its dashboards."), m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    QFont big = m_placeholder->font();
    big.setPixelSize(15);
    m_placeholder->setFont(big);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText); // muted in either theme
    m_tabs = new QTabWidget(m_stack);
    m_tabs->setDocumentMode(true);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_tabs);
    layout->addWidget(m_stack);
    m_deviceModel = new DeviceComparisonModel(this);
}

void DashboardsView::setRun(const pilot::PilotRun& run)
{
    m_deviceModel->setRun(run);
    rebuild(dashboardCharts(run));
    m_stack->setCurrentWidget(m_tabs);
}

void DashboardsView::clear()
{
    rebuild({});
    m_deviceModel->clear();
    m_stack->setCurrentWidget(m_placeholder);
}

void DashboardsView::rebuild(const std::vector<DashboardChart>& charts)
{
    const int current = m_tabs->currentIndex();
    while (m_tabs->count() > 0) {
        QWidget* w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        w->deleteLater(); // the panels and the table go with their page
    }
    m_panels.clear();
    m_deviceTable = nullptr;
    if (charts.empty())
        return;
    for (const QString& page : dashboardPages()) {
        auto* scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        auto* content = new QWidget;
        content->setObjectName(QStringLiteral("dashboardPage"));
        content->setAutoFillBackground(true); // the charts' own background (palette Base): one surface
        content->setBackgroundRole(QPalette::Base);
        auto* grid = new QGridLayout(content);
        grid->setContentsMargins(8, 8, 8, 8);
        grid->setSpacing(10);
        int row = 0;
        if (page == dashboardPages().back()) { // Devices: the comparison table first
            m_deviceTable = new QTableView(content);
            m_deviceTable->setModel(m_deviceModel);
            m_deviceTable->setAlternatingRowColors(true);
            m_deviceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
            m_deviceTable->verticalHeader()->setVisible(false);
            m_deviceTable->horizontalHeader()->setStretchLastSection(true);
            m_deviceTable->setWordWrap(false);
            m_deviceTable->resizeColumnsToContents();
            const int rows = std::max(1, m_deviceModel->rowCount());
            const int height = m_deviceTable->horizontalHeader()->sizeHint().height()
                               + rows * m_deviceTable->verticalHeader()->defaultSectionSize() + 2 * m_deviceTable->frameWidth() + 4;
            m_deviceTable->setFixedHeight(std::min(height, 260));
            grid->addWidget(m_deviceTable, row++, 0, 1, 2);
        }
        std::vector<const DashboardChart*> onPage;
        for (const DashboardChart& c : charts)
            if (c.page == page)
                onPage.push_back(&c);
        for (size_t i = 0; i < onPage.size(); ++i) {
            auto* panel = new ChartPanel(content);
            panel->setMinimumHeight(310);
            panel->setDashboardChart(*onPage[i]);
            m_panels.push_back(panel);
            const int r = row + int(i / 2), col = int(i % 2);
            const bool alone = i + 1 == onPage.size() && i % 2 == 0;
            grid->addWidget(panel, r, col, 1, alone ? 2 : 1);
            grid->setRowStretch(r, 2);
        }
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        scroll->setWidget(content);
        m_tabs->addTab(scroll, QString(page).replace(QLatin1Char('&'), QStringLiteral("&&"))); // not a mnemonic
    }
    if (current >= 0 && current < m_tabs->count())
        m_tabs->setCurrentIndex(current);
}

int DashboardsView::chartCount() const { return int(m_panels.size()); }

QString DashboardsView::chartTitle(int i) const { return chart(i) ? chart(i)->title() : QString(); }

ChartView* DashboardsView::chart(int i) const
{
    return i >= 0 && i < chartCount() ? m_panels[size_t(i)]->view() : nullptr;
}

int DashboardsView::chartIndex(const QString& id) const
{
    for (int i = 0; i < chartCount(); ++i)
        if (chart(i)->dashboardChart().id == id)
            return i;
    return -1;
}

std::optional<Error> DashboardsView::exportChart(int i, const QString& path) const
{
    ChartView* view = chart(i);
    if (!view)
        return Error("export: there is no chart " + std::to_string(i) + " (the dashboards have " + std::to_string(chartCount())
                         + ")",
                     path.toStdString());
    return view->exportTo(path);
}

int DashboardsView::pageCount() const { return m_tabs->count(); }

QString DashboardsView::pageTitle(int page) const { return m_tabs->tabText(page); }

void DashboardsView::showPage(int page)
{
    if (page >= 0 && page < m_tabs->count())
        m_tabs->setCurrentIndex(page);
}

QImage DashboardsView::renderPage(int page, const QSize& size)
{
    showPage(page);
    resize(size);
    if (!isVisible()) {
        setAttribute(Qt::WA_DontShowOnScreen, true);
        show();
    }
    // Lay out at the new size, then redraw every chart for its final geometry.
    for (QWidget* w : findChildren<QWidget*>())
        if (w->layout())
            w->layout()->activate();
    for (ChartPanel* p : m_panels)
        if (p->isVisibleTo(this))
            p->view()->replot(QCustomPlot::rpImmediateRefresh);
    return grab().toImage();
}

} // namespace qpilot::ui::plots
