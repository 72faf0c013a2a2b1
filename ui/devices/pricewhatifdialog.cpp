// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/pricewhatifdialog.cpp — PriceWhatIfDialog: the factor, the source, a before →
// after summary of the unit prices, and the save.
#include "ui/devices/pricewhatifdialog.h"

#include "ui/devices/pricetablesview.h"

#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qpilot {

PriceWhatIfDialog::PriceWhatIfDialog(cost::PriceRow original, bool offerPilot, QWidget* parent, const QString& store)
    : QDialog(parent), m_original(std::move(original)),
      m_store(store.isEmpty() ? QString::fromStdString(cost::defaultUserPriceStore()) : store),
      m_today(QDate::currentDate().toString(Qt::ISODate))
{
    setWindowTitle(tr("What-if copy of a price"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A copy of <b>%1</b> (%2, plan %3) with every rate scaled, e.g. ×0.7 for a negotiated 30 % "
                                "discount, to ask what a different price would change. It is saved as a user price file; a "
                                "pilot that lists the file in its extra price files (Setup \u25B8 Cost) is priced with it "
                                "instead of the published entry.")
                                 .arg(QString::fromStdString(m_original.name).toHtmlEscaped(),
                                      QString::fromStdString(m_original.key).toHtmlEscaped(),
                                      QString::fromStdString(m_original.plan).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto* form = new QFormLayout;
    m_factor = new QDoubleSpinBox(this);
    m_factor->setObjectName(QStringLiteral("priceFactor"));
    m_factor->setRange(0.001, 1000);
    m_factor->setDecimals(3);
    m_factor->setSingleStep(0.05);
    m_factor->setValue(1);
    m_factor->setPrefix(QStringLiteral("\u00d7 "));
    form->addRow(tr("Every rate"), m_factor);
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("priceSource"));
    m_source->setToolTip(tr("Where the price comes from: keep the generated what-if note or name your contract or quote."));
    form->addRow(tr("Source"), m_source);
    v->addLayout(form);
    m_usePilot = new QCheckBox(tr("Use it in the open pilot (adds the file to its extra price files; Edit \u25B8 Undo takes it back)"),
                               this);
    m_usePilot->setObjectName(QStringLiteral("useInPilot"));
    m_usePilot->setChecked(offerPilot);
    m_usePilot->setVisible(offerPilot);
    v->addWidget(m_usePilot);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("priceWhatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMinimumWidth(520);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* create = buttons->addButton(tr("Create copy"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createPriceCopy"));
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_factor, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &PriceWhatIfDialog::refresh);
    connect(m_source, &QLineEdit::textEdited, this, [this] {
        m_sourceEdited = true;
        refresh();
    });
    refresh();
}

void PriceWhatIfDialog::setFactor(double factor) { m_factor->setValue(factor); }
double PriceWhatIfDialog::factor() const { return m_factor->value(); }

void PriceWhatIfDialog::setSource(const QString& source)
{
    m_source->setText(source);
    m_sourceEdited = true;
    refresh();
}

bool PriceWhatIfDialog::useInPilot() const { return !m_usePilot->isHidden() && m_usePilot->isChecked(); }

Result<cost::PriceRow> PriceWhatIfDialog::copy() const
{
    auto c = cost::scaledPriceCopy(m_original, factor(), m_today.toStdString());
    if (c && m_sourceEdited)
        c.value().source = m_source->text().trimmed().toStdString(); // "" is refused on saving, by the loader's rule
    return c;
}

Result<std::string> PriceWhatIfDialog::save()
{
    auto c = copy();
    Result<std::string> path = c ? cost::saveUserPriceFile(c.value(), m_store.toStdString()) : Result<std::string>(c.error());
    if (!path) {
        m_summary->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_summary->setText(QString::fromStdString(path.error().toString()));
    }
    return path;
}

void PriceWhatIfDialog::refresh()
{
    auto c = copy();
    if (c && !m_sourceEdited) {
        const QSignalBlocker block(m_source);
        m_source->setText(QString::fromStdString(c->source));
    }
    const bool ok = c && !m_source->text().trimmed().isEmpty();
    if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("createPriceCopy")))
        b->setEnabled(ok);
    if (!c) {
        m_summary->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_summary->setText(QString::fromStdString(c.error().toString()));
        return;
    }
    m_summary->setStyleSheet(QString());
    m_summary->setText(ok ? tr("%1 \u2192 %2, dated %3. Saved to %4.")
                                .arg(PriceEntriesModel::unitPrices(m_original), PriceEntriesModel::unitPrices(c.value()), m_today,
                                     QString::fromStdString(cost::userPriceFilePath(m_original, m_store.toStdString())))
                          : tr("Every price carries its source: name one."));
}

} // namespace qpilot
