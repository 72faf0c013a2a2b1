// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/clouddevicesview.cpp — CloudDevicesView (see clouddevicesview.h). The worker creates
// its own transport and client (an HttpTransport belongs to the thread that made it); the
// endpoints in use are resolved on the GUI thread (they read QSettings) and passed by value.
#include "ui/cloud/clouddevicesview.h"

#include "ui/cloud/cloudconnect.h"
#include "ui/cloud/clouddevicesmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace qpilot {

using namespace qpilot::cloud;

CloudDevicesView::CloudDevicesView(QWidget* parent)
    : QWidget(parent), m_model(new CloudDevicesModel(this)), m_provider(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_autoRefresh(new QSpinBox(this)),
      m_submit(new QPushButton(tr("Submit circuit…"), this)), m_busy(new QProgressBar(this)), m_status(new QLabel(this)),
      m_view(new QTableView(this)), m_timer(new QTimer(this))
{
    for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
        m_provider->addItem(QString::fromLatin1(providerTitle(p)), int(p));
    m_autoRefresh->setRange(0, 3600);
    m_autoRefresh->setSuffix(tr(" s"));
    m_autoRefresh->setSpecialValueText(tr("off"));
    m_autoRefresh->setToolTip(tr("Refresh the device list every N seconds (off: only on Refresh)"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // the gate list can be long (simulators): it takes the remaining width, elided, full list in the tooltip
    m_view->horizontalHeader()->setSectionResizeMode(CloudDevicesModel::NativeGates, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Provider:"), this));
    bar->addWidget(m_provider);
    bar->addWidget(m_refresh);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Auto-refresh:"), this));
    bar->addWidget(m_autoRefresh);
    bar->addWidget(m_busy);
    bar->addStretch(1);
    bar->addWidget(m_submit);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(m_provider, &QComboBox::currentIndexChanged, this, [this] {
        m_model->clear();
        refresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &CloudDevicesView::refresh);
    connect(m_autoRefresh, &QSpinBox::valueChanged, this, [this](int s) {
        if (s > 0)
            m_timer->start(s * 1000);
        else
            m_timer->stop();
    });
    connect(m_timer, &QTimer::timeout, this, &CloudDevicesView::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        const auto d = selectedDevice();
        emit selectedDeviceChanged(d ? QString::fromStdString(d->id) : QString());
    });
    connect(m_submit, &QPushButton::clicked, this, [this] {
        if (const auto d = selectedDevice())
            emit submitRequested(QString::fromLatin1(providerKey(d->provider)), QString::fromStdString(d->id));
    });
    m_status->setText(tr("Press Refresh to list the devices."));
    updateButtons();
}

CloudDevicesView::~CloudDevicesView()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

QString CloudDevicesView::statusText() const { return m_status->text(); }

Provider CloudDevicesView::provider() const { return Provider(m_provider->currentData().toInt()); }

void CloudDevicesView::setProvider(Provider p)
{
    const int i = m_provider->findData(int(p));
    if (i == m_provider->currentIndex())
        refresh();
    else
        m_provider->setCurrentIndex(i); // refreshes
}

void CloudDevicesView::setAutoRefreshSeconds(int seconds) { m_autoRefresh->setValue(seconds); }

std::optional<CloudDevice> CloudDevicesView::selectedDevice() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= int(m_model->devices().size()))
        return std::nullopt;
    return m_model->devices()[std::size_t(rows.first().row())];
}

bool CloudDevicesView::selectDevice(const QString& deviceId)
{
    const int row = m_model->rowOf(deviceId);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

void CloudDevicesView::updateButtons()
{
    m_submit->setEnabled(selectedDevice().has_value());
}

void CloudDevicesView::refresh()
{
    if (m_watcher)
        return; // finished() refreshes again when the provider changed meanwhile
    const Provider p = provider();
    const Endpoints endpoints = cloudui::endpointsInUse(p).endpoints; // settings: GUI thread only
    m_watcher = new QFutureWatcher<Fetch>(this);
    connect(m_watcher, &QFutureWatcher<Fetch>::finished, this, &CloudDevicesView::finished);
    m_watcher->setFuture(QtConcurrent::run([p, endpoints] {
        Fetch f;
        f.provider = p;
        HttpTransport http;
        auto client = cloudui::connectProvider(p, endpoints, http);
        if (!client)
            f.devices = client.error();
        else
            f.devices = client.value()->devices();
        return f;
    }));
    m_busy->show();
    m_refresh->setEnabled(false);
    m_status->setText(tr("Listing %1 devices…").arg(QString::fromLatin1(providerTitle(p))));
    emit busyChanged(true);
}

void CloudDevicesView::finished()
{
    Fetch f = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_busy->hide();
    m_refresh->setEnabled(true);
    emit busyChanged(false);
    if (f.provider != provider()) { // switched while it ran: the list is stale
        refresh();
        return;
    }
    QString error;
    if (!f.devices) {
        error = QString::fromStdString(f.devices.error().message);
        m_model->clear();
        m_status->setText(tr("Error: %1").arg(error));
    } else {
        const QString keep = selectedDevice() ? QString::fromStdString(selectedDevice()->id) : QString();
        const std::vector<CloudDevice>& list = f.devices.value();
        int available = 0;
        for (const CloudDevice& d : list)
            available += d.available ? 1 : 0;
        m_model->setDevices(f.provider, list);
        m_view->resizeColumnsToContents();
        if (!keep.isEmpty())
            selectDevice(keep);
        m_status->setText(tr("%1: %2 device(s), %3 available — updated %4")
                              .arg(QString::fromLatin1(providerTitle(f.provider)))
                              .arg(list.size())
                              .arg(available)
                              .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    }
    updateButtons();
    emit refreshFinished(error);
}

} // namespace qpilot
