// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/whatifcopydialog.cpp — WhatIfCopyDialog: the factors, a suggested id
// ("ibm_fez_2q_x0.5"), a before → after summary of the key figures, and the save.
#include "ui/devices/whatifcopydialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qpilot {

namespace {

QString fig(const std::optional<double>& v) { return v ? QString::number(*v, 'g', 3) : QStringLiteral("not published"); }

} // namespace

WhatIfCopyDialog::WhatIfCopyDialog(std::vector<DeviceProfile> profiles, QWidget* parent, const QString& store)
    : QDialog(parent), m_profiles(std::move(profiles)),
      m_store(store.isEmpty() ? QString::fromStdString(defaultUserDeviceStore()) : store)
{
    setWindowTitle(tr("What-if copy of a device"));
    auto* v = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A copy of a profile with scaled figures, e.g. a Heron with half the two-qubit error, to ask "
                                "what a better device would change. The copy is saved as a user profile and can be chosen "
                                "in pilots, the simulator's noise and the transpiler by its id."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto* form = new QFormLayout;
    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("whatIfSource"));
    for (const DeviceProfile& d : m_profiles)
        m_source->addItem(QString::fromStdString(d.id + "  —  " + d.name), QString::fromStdString(d.id));
    form->addRow(tr("Device"), m_source);
    auto factor = [this, form](const QString& label, const QString& name) {
        auto* s = new QDoubleSpinBox(this);
        s->setObjectName(name);
        s->setRange(0.001, 1000);
        s->setDecimals(3);
        s->setSingleStep(0.1);
        s->setValue(1);
        s->setPrefix(QStringLiteral("× "));
        form->addRow(label, s);
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &WhatIfCopyDialog::refresh);
        return s;
    };
    m_e1 = factor(tr("1q gate error"), QStringLiteral("factor1q"));
    m_e2 = factor(tr("2q gate error"), QStringLiteral("factor2q"));
    m_ro = factor(tr("Readout error"), QStringLiteral("factorReadout"));
    m_dur = factor(tr("Gate and readout durations"), QStringLiteral("factorDurations"));
    m_coh = factor(tr("T1 and T2"), QStringLiteral("factorCoherence"));
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("whatIfId"));
    form->addRow(tr("New id"), m_id);
    v->addLayout(form);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("whatIfSummary"));
    m_summary->setWordWrap(true);
    m_summary->setMinimumWidth(520);
    v->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* create = buttons->addButton(tr("Create copy"), QDialogButtonBox::AcceptRole);
    create->setObjectName(QStringLiteral("createCopy"));
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_source, qOverload<int>(&QComboBox::currentIndexChanged), this, &WhatIfCopyDialog::refresh);
    connect(m_id, &QLineEdit::textEdited, this, [this] {
        m_idEdited = true;
        refresh();
    });
    refresh();
}

void WhatIfCopyDialog::setSource(const QString& id)
{
    const int i = m_source->findData(id);
    if (i >= 0)
        m_source->setCurrentIndex(i);
}

void WhatIfCopyDialog::setScaling(const DeviceScaling& s)
{
    m_e1->setValue(s.error1q);
    m_e2->setValue(s.error2q);
    m_ro->setValue(s.readout);
    m_dur->setValue(s.durations);
    m_coh->setValue(s.coherence);
}

DeviceScaling WhatIfCopyDialog::scaling() const
{
    return DeviceScaling{m_e1->value(), m_e2->value(), m_ro->value(), m_dur->value(), m_coh->value()};
}

void WhatIfCopyDialog::setNewId(const QString& id)
{
    m_id->setText(id);
    m_idEdited = true;
    refresh();
}

QString WhatIfCopyDialog::newId() const { return m_id->text().trimmed(); }

Result<DeviceProfile> WhatIfCopyDialog::copy() const
{
    const int i = m_source->currentIndex();
    if (i < 0 || i >= int(m_profiles.size()))
        return Error{"choose a device to copy"};
    return scaledDeviceCopy(m_profiles[size_t(i)], scaling(), newId().toStdString());
}

Result<std::string> WhatIfCopyDialog::save()
{
    auto c = copy();
    if (!c) {
        m_summary->setText(QString::fromStdString(c.error().toString()));
        return c.error();
    }
    auto path = saveUserDevice(*c, m_store.toStdString());
    if (!path) {
        m_summary->setText(QString::fromStdString(path.error().toString()));
        return path;
    }
    emit created(QString::fromStdString(c->id));
    return path;
}

void WhatIfCopyDialog::refresh()
{
    const int i = m_source->currentIndex();
    if (i < 0 || i >= int(m_profiles.size()))
        return;
    if (!m_idEdited) {
        const QSignalBlocker block(m_id);
        m_id->setText(QString::fromStdString(suggestedCopyId(m_profiles[size_t(i)].id, scaling())));
    }
    auto c = copy();
    const bool ok = c.ok();
    if (QPushButton* b = findChild<QPushButton*>(QStringLiteral("createCopy")))
        b->setEnabled(ok);
    if (!ok) {
        m_summary->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_summary->setText(QString::fromStdString(c.error().toString()));
        return;
    }
    const DeviceProfile& o = m_profiles[size_t(i)];
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("%1: 2q error %2 → %3, 1q error %4 → %5, readout error %6 → %7. Saved to %8.")
                           .arg(QString::fromStdString(describeScaling(scaling())))
                           .arg(fig(o.gateError2q), fig(c->gateError2q), fig(o.gateError1q), fig(c->gateError1q),
                                fig(o.readoutError), fig(c->readoutError), m_store));
}

} // namespace qpilot
