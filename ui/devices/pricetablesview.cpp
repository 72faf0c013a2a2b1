// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/pricetablesview.cpp — PriceEntriesModel and PriceTablesView.
#include "ui/devices/pricetablesview.h"

#include "ui/devices/pricewhatifdialog.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace qpilot {

namespace {

// A row from the user's price store rather than the shipped tables.
bool isUserRow(const cost::PriceRow& r) { return r.file.rfind("resources/prices/", 0) != 0; }

} // namespace

PriceEntriesModel::PriceEntriesModel(QObject* parent) : QAbstractTableModel(parent) {}

void PriceEntriesModel::setTable(cost::PriceTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

const cost::PriceRow* PriceEntriesModel::row(int r) const
{
    return r >= 0 && r < int(m_table.rows.size()) ? &m_table.rows[size_t(r)] : nullptr;
}

QString PriceEntriesModel::unitPrices(const cost::PriceRow& r) { return QString::fromStdString(cost::unitPricesText(r)); }

int PriceEntriesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int PriceEntriesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant PriceEntriesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const cost::PriceRow& r = m_table.rows[size_t(index.row())];
    if (role == Qt::FontRole && isUserRow(r)) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Source || index.column() == UnitPrices)
            return QString::fromStdString(r.note);
        if (index.column() == File)
            return QString::fromStdString(r.file);
        return QString::fromStdString(r.name);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Provider: return QString::fromStdString(r.provider);
    case Key: return QString::fromStdString(r.key);
    case Plan: return QString::fromStdString(r.plan) + (r.isDefault ? QStringLiteral(" (default)") : QString());
    case Model: return QString::fromLatin1(cost::priceModelName(r.model));
    case UnitPrices: return unitPrices(r);
    case Date: return QString::fromStdString(r.date);
    case Source: return QString::fromStdString(r.source);
    case File: return QFileInfo(QString::fromStdString(r.file)).fileName();
    default: return {};
    }
}

QVariant PriceEntriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char* const names[] = {"Provider", "Pricing key", "Plan", "Model", "Unit prices", "Date", "Source", "File"};
    return QString::fromLatin1(names[section]);
}

PriceTablesView::PriceTablesView(QWidget* parent, const QString& store)
    : QWidget(parent), m_model(new PriceEntriesModel(this)),
      m_store(store.isEmpty() ? QString::fromStdString(cost::defaultUserPriceStore()) : store)
{
    auto* v = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* title = new QLabel(tr("Price tables"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    title->setFont(tf);
    top->addWidget(title);
    top->addStretch(1);
    m_whatIf = new QPushButton(tr("What-if copy\u2026"), this);
    m_whatIf->setObjectName(QStringLiteral("priceWhatIf"));
    m_whatIf->setToolTip(tr("A copy of the selected price with every rate scaled and its own source, saved as a user price "
                            "file that pilots can use instead of the published entry."));
    top->addWidget(m_whatIf);
    v->addLayout(top);
    connect(m_whatIf, &QPushButton::clicked, this, &PriceTablesView::openWhatIfCopy);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("priceStatus"));
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("priceTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PriceEntriesModel::UnitPrices, QHeaderView::Stretch);
    m_detail = new QLabel(split);
    m_detail->setObjectName(QStringLiteral("priceDetail"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setMargin(6);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 130});
    v->addWidget(split, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetail(current.row()); });
    reload();
}

void PriceTablesView::reload()
{
    cost::PriceTable table = cost::builtinPrices();
    const std::size_t shippedFiles = table.files.size();
    // The user's files listed beside the published entries, not over them.
    const cost::UserPriceFiles user = cost::loadUserPriceFiles(m_store.toStdString());
    table.rows.insert(table.rows.end(), user.rows.begin(), user.rows.end());
    table.files.insert(table.files.end(), user.files.begin(), user.files.end());
    const int userFiles = int(user.files.size());
    QStringList broken;
    for (const Error& e : user.errors)
        broken << QString::fromStdString(e.toString());
    m_model->setTable(std::move(table));
    QString text = tr("%1 price entries: %2 published tables, each price with its date and source, and %3 what-if "
                      "file(s) of yours (italics, in %4). A pilot is priced with a what-if file when its extra price "
                      "files (Setup \u25B8 Cost) list it.")
                       .arg(m_model->rowCount())
                       .arg(shippedFiles)
                       .arg(userFiles)
                       .arg(QDir::toNativeSeparators(m_store));
    if (!broken.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_status->setText(tr("Cannot read %n user price file(s), left out: %1", nullptr, int(broken.size())).arg(broken.join(QStringLiteral("; ")))
                          + QStringLiteral("\n") + text);
    } else {
        m_status->setStyleSheet(QString());
        m_status->setForegroundRole(QPalette::PlaceholderText); // muted in either theme
        m_status->setText(text);
    }
    selectRow(m_model->rowCount() > 0 ? 0 : -1);
}

void PriceTablesView::selectRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_table->selectRow(row);
    showDetail(row);
}

void PriceTablesView::openWhatIfCopy()
{
    const int row = m_table->currentIndex().row();
    const cost::PriceRow* r = m_model->row(row);
    if (!r)
        return;
    PriceWhatIfDialog dialog(*r, m_pilotOpen, this, m_store);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string path = cost::userPriceFilePath(*r, m_store.toStdString());
    reload();
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (m_model->row(i)->file == path)
            selectRow(i);
    }
    emit priceCopyCreated(QString::fromStdString(path), dialog.useInPilot());
}

void PriceTablesView::showDetail(int row)
{
    const cost::PriceRow* r = m_model->row(row);
    m_whatIf->setEnabled(r && r->model != cost::PriceModel::Free);
    if (!r) {
        m_detail->clear();
        return;
    }
    m_detail->setText(tr("<b>%1</b> (%2, plan %3)<br>%4<br>Dated %5, source %6, file %7<br>Queue assumption %8 s: %9<br>"
                         "Round trip %10 s: %11")
                          .arg(QString::fromStdString(r->name).toHtmlEscaped(), QString::fromStdString(r->key).toHtmlEscaped(),
                               QString::fromStdString(r->plan).toHtmlEscaped(),
                               QString::fromStdString(r->note).toHtmlEscaped(), QString::fromStdString(r->date),
                               QString::fromStdString(r->source).toHtmlEscaped(), QString::fromStdString(r->file).toHtmlEscaped())
                          .arg(r->latency.queueSeconds)
                          .arg(QString::fromStdString(r->latency.queueNote).toHtmlEscaped())
                          .arg(r->latency.roundTripSeconds)
                          .arg(QString::fromStdString(r->latency.roundTripNote).toHtmlEscaped()));
}

} // namespace qpilot
