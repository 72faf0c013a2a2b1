// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/prices.cpp — `qpilot prices [--store DIR] [--json]`: every price entry, published
// and the user's what-if files; `qpilot prices whatif KEY [--plan PLAN] --factor F [--source S]`:
// a copy of one entry with every rate × F saved to the user price store (core scaledPriceCopy +
// saveUserPriceFile), which a pilot's cost.price_files or `qpilot estimate --prices` then use.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/cost/cost.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot prices [--store DIR] [--json]\n"
    "       qpilot prices whatif KEY [--plan PLAN] --factor F [--source TEXT] [--store DIR] [--json]\n"
    "\n"
    "Without a sub-command: every price entry, the published tables shipped with Qpilot (each\n"
    "price with its date and source tag) and then the what-if files in the user price store:\n"
    "provider, pricing key, plan, model, unit prices, date, source and file.\n"
    "\n"
    "'whatif' saves a copy of the entry KEY/PLAN (PLAN: the key's default plan when left out)\n"
    "with every rate of its price model x F (per second; per task and per shot; AQT c1, c2 and\n"
    "both minimums; per HQC), so any batch costs exactly F times as much, dated today, as\n"
    "  STORE/KEY--PLAN.json   (characters other than letters, digits, '_', '-', '.' become '_')\n"
    "with the same key and plan: a pilot listing the file in cost.price_files, or\n"
    "'qpilot estimate --prices FILE', is priced with it instead of the published entry. The same\n"
    "key and plan again replaces the file. Free plans have no rates to scale.\n"
    "\n"
    "Options:\n"
    "  --factor F     every rate x F, F > 0 (whatif; required), e.g. 0.7 for a 30 % discount\n"
    "  --plan PLAN    the plan to copy (default: the key's default plan)\n"
    "  --source TEXT  where the price comes from, e.g. a contract reference (default:\n"
    "                 \"what-if xF of <source> (<date>)\")\n"
    "  --store DIR    user price store (default: $QPILOT_DATA_DIR/prices if set, else the\n"
    "                 application data directory)\n"
    "  --json         print JSON\n"
    "  -h, --help     show this help\n"
    "\n"
    "Examples:\n"
    "  qpilot prices\n"
    "  qpilot prices whatif ibm --plan payg --factor 0.7 --source \"contract Q-2026-114\"\n"
    "  qpilot estimate circuit.qasm --device ibm_fez --shots 1000 --prices ~/.local/share/Qpilot/qpilot/prices/ibm--payg.json\n";

QJsonObject rowJson(const cost::PriceRow& r, bool user)
{
    return QJsonObject{{"provider", QString::fromStdString(r.provider)},
                       {"key", QString::fromStdString(r.key)},
                       {"plan", QString::fromStdString(r.plan)},
                       {"name", QString::fromStdString(r.name)},
                       {"model", QString::fromLatin1(cost::priceModelName(r.model))},
                       {"default", r.isDefault},
                       {"unit_prices", QString::fromStdString(cost::unitPricesText(r))},
                       {"date", QString::fromStdString(r.date)},
                       {"source", QString::fromStdString(r.source)},
                       {"file", QString::fromStdString(r.file)},
                       {"what_if", user}};
}

int runList(const std::string& store, bool asJson, std::ostream& out, std::ostream& err)
{
    const cost::PriceTable shipped = cost::builtinPrices();
    std::vector<std::pair<cost::PriceRow, bool>> rows;
    for (const cost::PriceRow& r : shipped.rows)
        rows.emplace_back(r, false);
    const cost::UserPriceFiles user = cost::loadUserPriceFiles(store);
    for (const cost::PriceRow& r : user.rows)
        rows.emplace_back(r, true);
    for (const Error& e : user.errors)
        err << "qpilot: prices: " << e.toString() << " (left out)\n";
    const bool failed = !user.errors.empty();
    if (asJson) {
        QJsonArray arr;
        for (const auto& [r, user] : rows)
            arr.append(rowJson(r, user));
        out << QJsonDocument(arr).toJson(QJsonDocument::Indented).toStdString();
        return failed ? ExitFailed : ExitOk;
    }
    out << std::left << std::setw(15) << "provider" << std::setw(25) << "pricing key" << std::setw(20) << "plan" << std::setw(11)
        << "date" << std::setw(14) << "source" << "unit prices\n";
    for (const auto& [r, user] : rows) {
        const std::string plan = r.plan + (r.isDefault ? " (default)" : "") + (user ? " *" : "");
        out << std::left << std::setw(15) << r.provider << std::setw(25) << r.key << std::setw(20) << plan << std::setw(11) << r.date
            << std::setw(14) << (r.source.size() > 13 ? r.source.substr(0, 12) + "~" : r.source) << cost::unitPricesText(r) << "\n";
    }
    out << "\n" << shipped.rows.size() << " published entries (resources/prices, each with its date and source tag); "
        << rows.size() - shipped.rows.size() << " what-if entries (*) in " << store << "\n";
    return failed ? ExitFailed : ExitOk;
}

int runWhatIf(const QStringList& pos, const QCommandLineParser& parser, const QCommandLineOption& planOpt,
              const QCommandLineOption& factorOpt, const QCommandLineOption& sourceOpt, const std::string& store, bool asJson,
              std::ostream& out, std::ostream& err)
{
    if (pos.size() != 1)
        return reportError(err, ExitUsage, "prices whatif: expected one pricing KEY (see 'qpilot prices')", kPricesVerb.name);
    if (!parser.isSet(factorOpt))
        return reportError(err, ExitUsage, "prices whatif: --factor F is required (every rate x F, e.g. 0.7)", kPricesVerb.name);
    bool ok = false;
    const double factor = parser.value(factorOpt).toDouble(&ok);
    if (!ok)
        return reportError(err, ExitUsage, "prices whatif: --factor: not a number '" + parser.value(factorOpt).toStdString() + "'",
                           kPricesVerb.name);
    const cost::PriceTable shipped = cost::builtinPrices();
    auto row = shipped.find(pos.first().toStdString(), parser.value(planOpt).toStdString());
    if (!row)
        return reportError(err, ExitUsage, "prices whatif: " + row.error().message);
    auto copy = cost::scaledPriceCopy(*row.value(), factor, QDate::currentDate().toString(Qt::ISODate).toStdString());
    if (!copy)
        return reportError(err, ExitUsage, "prices whatif: " + copy.error().message);
    if (parser.isSet(sourceOpt))
        copy.value().source = parser.value(sourceOpt).trimmed().toStdString();
    auto path = cost::saveUserPriceFile(copy.value(), store);
    if (!path) {
        const bool badInput = path.error().message.find("rows[0]") != std::string::npos; // the row broke a loader rule
        return reportError(err, badInput ? ExitUsage : ExitFailed, "prices whatif: " + path.error().toString());
    }
    const cost::PriceRow& c = copy.value();
    if (asJson) {
        QJsonObject o = rowJson(c, true);
        o["file"] = QString::fromStdString(path.value());
        o["factor"] = factor;
        o["unit_prices_published"] = QString::fromStdString(cost::unitPricesText(*row.value()));
        out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << c.name << " [" << c.key << " / " << c.plan << "]\n"
        << "  published   " << cost::unitPricesText(*row.value()) << "  (" << row.value()->date << ", " << row.value()->source << ")\n"
        << "  what-if     " << cost::unitPricesText(c) << "  (" << c.date << ", " << c.source << ")\n"
        << "  saved to    " << path.value() << "\n"
        << "Price a pilot with it: add the file to its cost.price_files; or qpilot estimate ... --prices " << path.value() << "\n";
    return ExitOk;
}

int runPrices(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("user price store"), QStringLiteral("DIR"));
    const QCommandLineOption planOpt(QStringLiteral("plan"), QStringLiteral("plan"), QStringLiteral("PLAN"));
    const QCommandLineOption factorOpt(QStringLiteral("factor"), QStringLiteral("factor"), QStringLiteral("F"));
    const QCommandLineOption sourceOpt(QStringLiteral("source"), QStringLiteral("source"), QStringLiteral("TEXT"));
    parser.addOptions({jsonOpt, storeOpt, planOpt, factorOpt, sourceOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kPricesVerb, args, out, err); code >= 0)
        return code;
    if (parser.isSet(storeOpt) && parser.value(storeOpt).isEmpty())
        return reportError(err, ExitUsage, "prices: --store needs a directory", kPricesVerb.name);
    const std::string store = parser.isSet(storeOpt) ? parser.value(storeOpt).toStdString() : cost::defaultUserPriceStore();
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty()) {
        for (const QCommandLineOption* o : {&planOpt, &factorOpt, &sourceOpt})
            if (parser.isSet(*o))
                return reportError(err, ExitUsage, "prices: --" + o->names().first().toStdString() + " belongs to 'prices whatif'",
                                   kPricesVerb.name);
        return runList(store, parser.isSet(jsonOpt), out, err);
    }
    const QString sub = pos.takeFirst();
    if (sub == QLatin1String("whatif"))
        return runWhatIf(pos, parser, planOpt, factorOpt, sourceOpt, store, parser.isSet(jsonOpt), out, err);
    return reportError(err, ExitUsage, "prices: unknown sub-command '" + sub.toStdString() + "' (use 'whatif KEY --factor F', or none to list)",
                       kPricesVerb.name);
}

} // namespace

const Verb kPricesVerb = {
    "prices",
    "list the price entries (published and what-if), or save a what-if copy of one with scaled rates",
    "prices [whatif KEY [--plan PLAN] --factor F [--source TEXT]] [--store DIR] [--json]",
    kUsage,
    &runPrices,
};

} // namespace qpilot::cli
