// ui/scorecard/scorecardview.cpp — the scorecard view: device selector, verdict banner, radar,
// RAG table, changes and live what-if re-scoring.
#include "ui/scorecard/scorecardview.h"

#include "ui/report/reportstyle.h"
#include "ui/scorecard/chartwidget.h"

#include <QComboBox>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace qpilot::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString css(const QColor& c) { return c.name(QColor::HexRgb); }

QString htmlList(const std::vector<std::string>& items)
{
    QString html;
    for (const std::string& s : items)
        html += QStringLiteral("<li>") + qs(s).toHtmlEscaped() + QStringLiteral("</li>");
    return html.isEmpty() ? QString() : QStringLiteral("<ul style=\"margin:0; -qt-list-indent:1\">") + html + QStringLiteral("</ul>");
}

} // namespace

readiness::Rating verdictRating(readiness::Verdict v)
{
    switch (v) {
    case readiness::Verdict::ProductionReady: return readiness::Rating::Green;
    case readiness::Verdict::ContinuePiloting: return readiness::Rating::Amber;
    case readiness::Verdict::NotReady: return readiness::Rating::Red;
    }
    return readiness::Rating::Red;
}

qpilot::report::Chart scorecardRadar(const readiness::Scorecard& measured, const readiness::Scorecard* whatIf)
{
    qpilot::report::Chart radar;
    radar.kind = qpilot::report::ChartKind::Radar;
    radar.title = "Readiness profile";
    radar.yMin = 0;
    radar.yMax = 100;
    for (const readiness::DimensionScore& d : measured.dimensions)
        radar.categories.push_back(readiness::dimensionTitle(d.dimension));
    qpilot::report::Series a;
    a.name = whatIf ? "As measured" : measured.device;
    for (const readiness::DimensionScore& d : measured.dimensions)
        a.y.push_back(d.score);
    radar.series.push_back(std::move(a));
    if (whatIf) {
        qpilot::report::Series b;
        b.name = "What-if";
        for (const readiness::DimensionScore& d : whatIf->dimensions)
            b.y.push_back(d.score);
        radar.series.push_back(std::move(b));
    }
    return radar;
}

ScorecardView::ScorecardView(QWidget* parent) : QWidget(parent)
{
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(12, 12, 12, 12);
    root->setSpacing(10);

    // device row
    auto* top = new QHBoxLayout;
    auto* devLabel = new QLabel(tr("&Device"), this);
    m_devices = new QComboBox(this);
    m_devices->setObjectName(QStringLiteral("scorecard_device"));
    m_devices->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    devLabel->setBuddy(m_devices);
    m_runLabel = new QLabel(this);
    m_runLabel->setStyleSheet(QStringLiteral("color:%1").arg(mutedCss()));
    top->addWidget(devLabel);
    top->addWidget(m_devices);
    top->addSpacing(16);
    top->addWidget(m_runLabel, 1);
    root->addLayout(top);
    connect(m_devices, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int i) {
        if (i >= 0 && i != m_device)
            setCurrentDevice(i);
    });

    // verdict banner
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("verdictBanner"));
    auto* bl = new QGridLayout(m_banner);
    bl->setContentsMargins(16, 10, 16, 10);
    bl->setHorizontalSpacing(16);
    bl->setVerticalSpacing(4);
    m_bannerTitle = new QLabel(m_banner);
    QFont tf = m_bannerTitle->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.7);
    tf.setBold(true);
    m_bannerTitle->setFont(tf);
    m_bannerScore = new QLabel(m_banner);
    QFont sf = m_bannerScore->font();
    sf.setPointSizeF(sf.pointSizeF() * 1.3);
    sf.setBold(true);
    m_bannerScore->setFont(sf);
    m_bannerScore->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerList = new QLabel(m_banner);
    m_bannerList->setWordWrap(true);
    m_bannerList->setTextFormat(Qt::RichText);
    m_whatIfNote = new QLabel(m_banner);
    m_whatIfNote->setWordWrap(true);
    bl->addWidget(m_bannerTitle, 0, 0);
    bl->addWidget(m_bannerScore, 0, 1);
    bl->addWidget(m_bannerText, 1, 0, 1, 2);
    bl->addWidget(m_bannerList, 2, 0, 1, 2);
    bl->addWidget(m_whatIfNote, 3, 0, 1, 2);
    bl->setColumnStretch(0, 1);
    root->addWidget(m_banner);

    // body: left radar + what-if, right table + changes
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    m_radar = new ChartWidget(left);
    m_radar->setObjectName(QStringLiteral("scorecard_radar"));
    ll->addWidget(m_radar, 1);
    auto* whatIfBox = new QGroupBox(tr("What if … (re-scored live, no re-simulation)"), left);
    auto* wl = new QVBoxLayout(whatIfBox);
    m_whatIfPanel = new WhatIfPanel(whatIfBox);
    wl->addWidget(m_whatIfPanel);
    ll->addWidget(whatIfBox);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    m_model = new ScorecardModel(this);
    auto* tableBox = new QWidget(right);
    auto* tbl = new QVBoxLayout(tableBox);
    tbl->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(tableBox);
    m_table->setObjectName(QStringLiteral("scorecard_table"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ScorecardModel::DimensionColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ScorecardModel::ScoreColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ScorecardModel::RatingColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detail = new QLabel(tableBox);
    m_detail->setObjectName(QStringLiteral("scorecard_detail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setContentsMargins(4, 6, 4, 0);
    tbl->addWidget(m_table);
    tbl->addWidget(m_detail);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { showDetail(); });

    auto* changesBox = new QGroupBox(tr("What would have to change"), right);
    auto* cl = new QVBoxLayout(changesBox);
    auto* scroll = new QScrollArea(changesBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_changes = new QLabel(scroll);
    m_changes->setObjectName(QStringLiteral("scorecard_changes"));
    m_changes->setWordWrap(true);
    m_changes->setTextFormat(Qt::RichText);
    m_changes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_changes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scroll->setWidget(m_changes);
    cl->addWidget(scroll);
    rl->addWidget(tableBox);
    rl->addWidget(changesBox, 1);
    split->addWidget(left);
    split->addWidget(right);
    m_split = split;
    connect(split, &QSplitter::splitterMoved, this, [this] { m_userSplit = true; });
    root->addWidget(split, 1);

    connect(m_whatIfPanel, &WhatIfPanel::changed, this, [this] {
        rescore();
        emit whatIfChanged();
    });
    clear();
}

const readiness::Scorecard& ScorecardView::measured() const
{
    static const readiness::Scorecard none{}; // immutable empty value, not shared state
    return m_device >= 0 ? m_cards.cards[size_t(m_device)] : none;
}

const WhatIf& ScorecardView::whatIf() const { return m_whatIfPanel->whatIf(); }

void ScorecardView::setRun(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunContext& context)
{
    m_pilot = pilot;
    m_cards = readiness::scoreRun(run, pilot, context);
    {
        const QSignalBlocker block(m_devices);
        m_devices->clear();
        for (size_t i = 0; i < m_cards.cards.size(); ++i) {
            const readiness::Scorecard& c = m_cards.cards[i];
            QString label = qs(c.device);
            if (!c.inputs.deviceName.empty() && c.inputs.deviceName != c.device)
                label += QStringLiteral(" — ") + qs(c.inputs.deviceName);
            label += QStringLiteral("  (%1, %2/100)").arg(QString::fromUtf8(readiness::verdictTitle(c.verdict))).arg(c.overall, 0, 'f', 0);
            if (int(i) == m_cards.best)
                label += tr("  ★ best");
            m_devices->addItem(label);
        }
        m_devices->setEnabled(!m_cards.cards.empty());
    }
    const int failed = int(run.devices.size()) - int(m_cards.cards.size());
    m_runLabel->setText(tr("%1 · seed %2 · %3 scored device(s)%4")
                            .arg(qs(pilot.title.empty() ? run.pilotName : pilot.title))
                            .arg(run.seed)
                            .arg(m_cards.cards.size())
                            .arg(failed > 0 ? tr(", %1 failed").arg(failed) : QString()));
    m_device = -1;
    if (m_cards.cards.empty()) {
        m_current = {};
        m_model->clear();
        showCard();
        return;
    }
    setCurrentDevice(std::max(0, m_cards.best));
}

void ScorecardView::clear()
{
    m_cards = {};
    m_current = {};
    m_device = -1;
    {
        const QSignalBlocker block(m_devices);
        m_devices->clear();
        m_devices->setEnabled(false);
    }
    m_runLabel->setText(tr("No pilot run"));
    m_model->clear();
    m_whatIfPanel->setWhatIf({});
    showCard();
}

void ScorecardView::setCurrentDevice(int cardIndex)
{
    if (cardIndex < 0 || cardIndex >= deviceCount())
        return;
    m_device = cardIndex;
    {
        const QSignalBlocker block(m_devices);
        m_devices->setCurrentIndex(cardIndex);
    }
    m_whatIfPanel->setInputs(measured().inputs);
    m_whatIfPanel->setWhatIf(m_whatIfPanel->whatIf()); // re-position the queue slider for this device
    rescore();
}

void ScorecardView::setWhatIf(const WhatIf& w)
{
    if (w == whatIf())
        return;
    m_whatIfPanel->setWhatIf(w);
    rescore();
    emit whatIfChanged();
}

void ScorecardView::rescore()
{
    if (m_device < 0)
        return;
    const readiness::Scorecard& base = measured();
    if (whatIf().isIdentity())
        m_current = base;
    else
        m_current = readiness::score(applyWhatIf(base.inputs, whatIf()), m_pilot.objectives, m_pilot.thresholds);
    m_current.deviceIndex = base.deviceIndex;
    showCard();
    emit scorecardChanged();
}

void ScorecardView::showCard()
{
    const bool have = m_device >= 0;
    const readiness::Scorecard& c = m_current;
    const int rating = have ? int(verdictRating(c.verdict)) : -1;
    m_banner->setStyleSheet(QStringLiteral("QFrame#verdictBanner { background:%1; border:1px solid %2; border-left:8px solid %2;"
                                           " border-radius:4px; } QFrame#verdictBanner QLabel { color:%3; background:transparent; }")
                                .arg(css(report::ratingTint(rating)), css(report::ratingStrong(rating)), css(report::ratingDark(rating))));
    m_bannerTitle->setText(have ? QString::fromUtf8(readiness::verdictTitle(c.verdict)) : tr("No scorecard"));
    m_bannerScore->setText(have ? tr("%1 · overall %2/100").arg(qs(c.device)).arg(c.overall, 0, 'f', 0) : QString());
    m_bannerText->setText(have ? qs(c.verdictSentence)
                               : tr("Run a pilot (or open a stored run) to see its readiness scorecard."));
    QString list;
    if (have && !c.conditions.empty())
        list = QStringLiteral("<b>") + tr("Conditions") + QStringLiteral("</b>") + htmlList(c.conditions);
    else if (have && !c.blockers.empty())
        list = QStringLiteral("<b>") + tr("Blockers") + QStringLiteral("</b>") + htmlList(c.blockers);
    m_bannerList->setText(list);
    m_bannerList->setVisible(!list.isEmpty());
    const bool whatIfActive = have && !whatIf().isIdentity();
    m_whatIfNote->setVisible(whatIfActive);
    if (whatIfActive) {
        const readiness::Scorecard& base = measured();
        m_whatIfNote->setText(tr("<b>What-if:</b> %1 — as measured: %2, overall %3/100")
                                  .arg(describeWhatIf(whatIf()).toHtmlEscaped(),
                                       QString::fromUtf8(readiness::verdictTitle(base.verdict)))
                                  .arg(base.overall, 0, 'f', 0));
    }

    if (have) {
        m_model->setScorecard(c, whatIfActive ? std::optional<readiness::Scorecard>(measured()) : std::nullopt);
        m_radar->setChart(scorecardRadar(measured(), whatIfActive ? &c : nullptr));
    } else {
        m_radar->setChart(qpilot::report::Chart{});
    }

    if (have && !m_table->currentIndex().isValid()) // detail of the first row, without a selection highlight
        m_table->selectionModel()->setCurrentIndex(m_model->index(0, 0), QItemSelectionModel::NoUpdate);
    // the table is exactly as tall as its rows; the changes list gets the rest
    m_table->resizeRowsToContents();
    int tableHeight = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() + 2;
    for (int r = 0; r < m_model->rowCount(); ++r)
        tableHeight += m_table->rowHeight(r);
    m_table->setFixedHeight(std::max(tableHeight, 120));
    showDetail();
    showChanges();
}

void ScorecardView::showChanges()
{
    const bool have = m_device >= 0;
    const readiness::Scorecard& c = m_current;
    QString html;
    for (const readiness::Change& ch : c.changes) {
        int dimRating = -1;
        for (const readiness::DimensionScore& d : c.dimensions)
            if (d.dimension == ch.dimension)
                dimRating = int(d.rating);
        html += QStringLiteral("<li style=\"margin-bottom:4px\"><span style=\"color:%1\">●</span> <b>%2</b>: %3%4</li>")
                    .arg(css(report::ratingStrong(dimRating)),
                         QString::fromUtf8(readiness::dimensionTitle(ch.dimension)).toHtmlEscaped(), qs(ch.sentence).toHtmlEscaped(),
                         ch.reachable ? QString() : QStringLiteral(" <i style=\"color:%1\">(%2)</i>").arg(mutedCss(), tr("not reachable with this lever alone")));
    }
    m_changes->setText(html.isEmpty() ? (have ? tr("Nothing: every dimension is green.") : QString())
                                      : QStringLiteral("<ul style=\"margin:0; -qt-list-indent:0\">") + html + QStringLiteral("</ul>"));
}

QString ScorecardView::mutedCss() const
{
    return css(report::chartTheme(palette()).muted); // secondary text readable in either theme
}

void ScorecardView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !m_runLabel || !m_detail)
        return;
    m_runLabel->setStyleSheet(QStringLiteral("color:%1").arg(mutedCss()));
    showDetail(); // the detail and the change lines carry the muted colour in their HTML
    showChanges();
}

void ScorecardView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_userSplit) // radar : table = 2 : 3 until the user drags the handle
        m_split->setSizes({m_split->width() * 2 / 5, m_split->width() * 3 / 5});
}

void ScorecardView::showDetail()
{
    const QModelIndex cur = m_table->currentIndex();
    const int row = cur.isValid() ? cur.row() : -1;
    if (row < 0 || row >= int(m_current.dimensions.size())) {
        m_detail->setText(m_current.dimensions.empty() ? QString() : tr("<i>Select a dimension to read its rationale.</i>"));
        return;
    }
    const readiness::DimensionScore& d = m_current.dimensions[size_t(row)];
    m_detail->setText(QStringLiteral("<span style=\"color:%1\">●</span> <b>%2</b> (%3/100): %4<br><span style=\"color:%5\">Measured: %6 · threshold: %7</span>")
                          .arg(css(report::ratingStrong(int(d.rating))),
                               QString::fromUtf8(readiness::dimensionTitle(d.dimension)).toHtmlEscaped(),
                               QString::number(d.score, 'f', 1), qs(d.rationale).toHtmlEscaped(), mutedCss(),
                               qs(d.measured).toHtmlEscaped(), qs(d.threshold).toHtmlEscaped()));
}

QString ScorecardView::bannerTitle() const { return m_bannerTitle->text(); }
QString ScorecardView::bannerText() const { return m_bannerText->text(); }

QStringList ScorecardView::changeLines() const
{
    QStringList out;
    for (const readiness::Change& ch : m_current.changes)
        out << qs(ch.sentence);
    return out;
}

} // namespace qpilot::ui
