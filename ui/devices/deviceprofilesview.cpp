// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/deviceprofilesview.cpp — DeviceProfilesView: table, detail pane, the import and
// what-if dialogs.
#include "ui/devices/deviceprofilesview.h"

#include "ui/devices/calibrationimportdialog.h"
#include "ui/devices/deviceprofilesmodel.h"
#include "ui/devices/whatifcopydialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace qpilot {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString value(const std::optional<double>& v, double scale, const QString& unit)
{
    return v ? QString::number(*v * scale, 'g', 4) + unit : QStringLiteral("<i>not published</i>");
}

} // namespace

DeviceProfilesView::DeviceProfilesView(QWidget* parent)
    : QWidget(parent), m_model(new DeviceProfilesModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    auto* v = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* title = new QLabel(tr("Device profiles"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);
    top->addWidget(title);
    top->addStretch(1);
    auto* import = new QPushButton(tr("Import calibration…"), this);
    import->setObjectName(QStringLiteral("importCalibration"));
    auto* whatIf = new QPushButton(tr("What-if copy…"), this);
    whatIf->setObjectName(QStringLiteral("whatIfCopy"));
    top->addWidget(import);
    top->addWidget(whatIf);
    v->addLayout(top);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("devicesStatus"));
    m_status->setWordWrap(true);
    v->addWidget(m_status);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DeviceProfilesModel::SortRole);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("deviceTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(DeviceProfilesModel::Use, true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    m_detail = new QTextBrowser(split);
    m_detail->setObjectName(QStringLiteral("deviceDetail"));
    m_detail->setOpenExternalLinks(false);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 2);
    split->setSizes({700, 280});
    v->addWidget(split, 1);

    connect(import, &QPushButton::clicked, this, &DeviceProfilesView::openCalibrationImport);
    connect(whatIf, &QPushButton::clicked, this, &DeviceProfilesView::openWhatIfCopy);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showDetail(); });
    reload();
}

void DeviceProfilesView::reload()
{
    const QString keep = selectedId();
    m_model->reload();
    int shipped = 0, snapshots = 0, copies = 0;
    for (const DeviceCatalogEntry& e : m_model->entries())
        (e.origin == QLatin1String("shipped") ? shipped : e.origin == QLatin1String("snapshot") ? snapshots : copies)++;
    QString text = tr("%1 shipped profiles, %2 calibration snapshots, %3 what-if copies. Hover a figure for its source.")
                       .arg(shipped)
                       .arg(snapshots)
                       .arg(copies);
    if (!m_model->loadProblems().isEmpty())
        text += QStringLiteral("<br><span style='color:#b3261e'>") + m_model->loadProblems().join(QStringLiteral("<br>")).toHtmlEscaped()
                + QStringLiteral("</span>");
    m_status->setText(text);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    // The price text can be long (AQT, HQC formulas): capped, the full text is in the tooltip.
    m_table->resizeColumnsToContents();
    if (m_table->columnWidth(DeviceProfilesModel::Price) > 190)
        m_table->setColumnWidth(DeviceProfilesModel::Price, 190);
    if (keep.isEmpty() || !selectDevice(keep))
        if (m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    showDetail();
}

bool DeviceProfilesView::selectDevice(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex p = m_proxy->mapFromSource(m_model->index(row, DeviceProfilesModel::Id));
    m_table->selectRow(p.row());
    m_table->scrollTo(p);
    showDetail();
    return true;
}

QString DeviceProfilesView::selectedId() const
{
    const QModelIndex current = m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
    if (!current.isValid())
        return {};
    return m_proxy->data(current, DeviceProfilesModel::IdRole).toString();
}

QString DeviceProfilesView::detailHtml() const { return m_detail->toHtml(); }

void DeviceProfilesView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showDetail();
}

void DeviceProfilesView::showDetail()
{
    const int row = m_model->rowOf(selectedId());
    const DeviceCatalogEntry* e = m_model->entry(row);
    if (!e) {
        m_detail->clear();
        return;
    }
    const DeviceProfile& d = e->profile;
    const QString muted = palette().color(QPalette::PlaceholderText).name(); // in either theme
    auto line = [&d, &muted](const QString& label, const QString& shown, const char* field) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td style='color:%4'>%3</td></tr>")
            .arg(label, shown, shortSource(fieldSource(d, field)).toHtmlEscaped(), muted);
    };
    QString html = QStringLiteral("<h3>%1</h3><p>%2 · %3 · %4</p><table cellspacing='4'>")
                       .arg(esc(d.name), esc(d.id), e->origin.toHtmlEscaped(), esc(d.family.empty() ? d.provider : d.family));
    html += line(tr("Qubits"), QString::number(d.numQubits), "num_qubits");
    html += line(tr("Topology"), d.allToAll ? tr("all-to-all") : esc(d.topology.empty() ? "unknown" : d.topology), "couplers");
    html += line(tr("T1 / T2"), value(d.t1, 1e6, QStringLiteral(" µs")) + QStringLiteral(" / ") + value(d.t2, 1e6, QStringLiteral(" µs")),
                 "medians.t1");
    html += line(tr("1q error"), value(d.gateError1q, 1, {}), "medians.gate_error_1q");
    html += line(tr("2q error"), value(d.gateError2q, 1, {}), "medians.gate_error_2q");
    html += line(tr("Readout error"), value(d.readoutError, 1, {}), "medians.readout_error");
    html += line(tr("1q / 2q gate time"), value(d.gateTime1q, 1e9, QStringLiteral(" ns")) + QStringLiteral(" / ")
                                              + value(d.gateTime2q, 1e9, QStringLiteral(" ns")),
                 "medians.gate_time_2q");
    html += line(tr("Readout time"), value(d.readoutTime, 1e9, QStringLiteral(" ns")), "medians.readout_time");
    html += line(tr("CLOPS"), value(d.clops, 1, {}), "clops");
    html += line(tr("Layer fidelity (100q)"), value(d.layerFidelity100, 1, {}), "layer_fidelity_100");
    html += line(tr("Calibrated"), esc(d.calibrationDate.empty() ? "unknown" : d.calibrationDate), "calibration_date");
    html += line(tr("Pricing key"), esc(d.pricing.empty() ? "none" : d.pricing), "pricing");
    html += QStringLiteral("</table><p><b>%1</b> %2</p>").arg(tr("Source:"), esc(d.source));
    if (!e->path.isEmpty())
        html += QStringLiteral("<p style='color:%3'>%1 %2</p>").arg(tr("File:"), e->path.toHtmlEscaped(), muted);
    m_detail->setHtml(html);
}

void DeviceProfilesView::openCalibrationImport()
{
    CalibrationImportDialog dialog(this);
    connect(&dialog, &CalibrationImportDialog::imported, this, [this](const QString& id) {
        reload();
        selectDevice(id);
        emit profilesChanged(id);
    });
    dialog.exec();
}

void DeviceProfilesView::openWhatIfCopy()
{
    std::vector<DeviceProfile> profiles;
    for (const DeviceCatalogEntry& e : m_model->entries())
        profiles.push_back(e.profile);
    WhatIfCopyDialog dialog(std::move(profiles), this);
    if (!selectedId().isEmpty())
        dialog.setSource(selectedId());
    connect(&dialog, &WhatIfCopyDialog::created, this, [this](const QString& id) {
        reload();
        selectDevice(id);
        emit profilesChanged(id);
    });
    dialog.exec();
}

} // namespace qpilot
