// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/runs.cpp — `qpilot runs list|show ID|reproduce ID|export-mlflow ID DIR|audit|circuits
// PILOT`: the run store (core/store) from the command line: the stored runs, one run in full
// (provenance, stages with timings, models, per-device figures, digest, artefacts), re-executing a
// run from its record alone and verifying bit-identical results, the offline MLflow export, the
// append-only audit log and a pilot's circuit versions. Every sub-command takes --db and --json.
#include "app/cli/cli.h"
#include "app/cli/run_output.h"
#include "app/cli/verbs.h"

#include "core/pilot/execute.h"
#include "core/store/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot runs list [--db FILE] [--json]\n"
    "       qpilot runs show ID [--db FILE] [--json]\n"
    "       qpilot runs reproduce ID [--db FILE] [--quiet] [--json]\n"
    "       qpilot runs export-mlflow ID DIR [--db FILE] [--json]\n"
    "       qpilot runs audit [--db FILE] [--json]\n"
    "       qpilot runs circuits PILOT [--db FILE] [--json]\n"
    "\n"
    "Works on the run store, the SQLite database where 'qpilot run' records every pilot run:\n"
    "  list            every run: id, pilot, status, start time, seed, verdict, result digest\n"
    "  show ID         one run: provenance (seed, versions, user, dataset fingerprint, circuit\n"
    "                  hash), stages with timings, models, per-device figures (gates, success\n"
    "                  probability, noisy accuracy, mitigation overhead, cost, latency), the\n"
    "                  result digest and the artefacts\n"
    "  reproduce ID    re-executes a completed run from its stored record alone (configuration,\n"
    "                  seed, dataset fingerprint), stores it as a new run and compares every result\n"
    "                  field: exit 0 when bit-identical, 1 with the differing fields listed\n"
    "  export-mlflow ID DIR\n"
    "                  writes the run as an MLflow FileStore run under DIR (the mlruns root):\n"
    "                  params, metrics, tags and artifacts; the experiment is named after the\n"
    "                  pilot. Exporting again replaces the same MLflow run. Read it with\n"
    "                  'mlflow ui --backend-store-uri DIR' (MLflow >= 3.13 needs\n"
    "                  MLFLOW_ALLOW_FILE_STORE=true) or import it with 'mlflow migrate-filestore'.\n"
    "  audit           the append-only audit log: what ran, on what, when, by which account\n"
    "  circuits PILOT  the pilot's circuit versions (content hash, parent, message)\n"
    "\n"
    "Options:\n"
    "  --db FILE     the run store (default: $QPILOT_DATA_DIR/runs.sqlite, else the\n"
    "                application data directory)\n"
    "  --quiet       reproduce: no progress lines on standard error\n"
    "  --json        print JSON\n"
    "  -h, --help    show this help\n";

QString q(const std::string& s) { return QString::fromStdString(s); }
QJsonValue orNull(const std::string& s) { return s.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(s)); }

// Money and small numbers: 3 significant digits, never rounded to 0.
std::string sig(double v)
{
    if (std::isnan(v))
        return "n/a";
    std::ostringstream s;
    s << std::setprecision(3) << v;
    return s.str();
}

std::string seconds(double v)
{
    if (v >= 3600)
        return fixed(v / 3600, 1) + " h";
    if (v >= 60)
        return fixed(v / 60, 1) + " min";
    if (v >= 1)
        return fixed(v, 2) + " s";
    if (v >= 1e-3)
        return fixed(v * 1e3, 1) + " ms";
    return fixed(v * 1e6, 1) + " us";
}

QJsonObject summaryJson(const store::RunSummary& s)
{
    return QJsonObject{{"id", qint64(s.id)},
                       {"pilot", q(s.pilotName)},
                       {"status", q(s.status)},
                       {"started_at", q(s.startedAt)},
                       {"finished_at", orNull(s.finishedAt)},
                       {"seed", QString::number(s.seed)},
                       {"result_digest", q(s.resultDigest)},
                       {"verdict", orNull(s.verdict)},
                       {"overall", s.overall < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.overall)}};
}

void printJson(std::ostream& out, const QJsonValue& v)
{
    out << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented).toStdString();
}

struct Options {
    std::string db;
    bool explicitDb = false;
    bool json = false;
};

// Opens the store. A missing file is an error when --db named it; `createIfMissing` for the
// default store (an empty store is then simply empty).
int openStore(const Options& o, const char* sub, std::ostream& err, std::unique_ptr<store::RunStore>& storeOut, bool* missing = nullptr)
{
    if (!QFileInfo::exists(q(o.db))) {
        if (missing) {
            *missing = true;
            if (!o.explicitDb)
                return -1;
        }
        return reportError(err, ExitUsage, std::string("runs ") + sub + ": no run store at " + o.db +
                                               (o.explicitDb ? "" : " (runs are stored by 'qpilot run')"));
    }
    auto opened = store::RunStore::open(o.db);
    if (!opened)
        return reportError(err, ExitUsage, std::string("runs ") + sub + ": " + opened.error().toString());
    storeOut = std::move(opened.value());
    return -1;
}

// The run id argument: a positive integer that names a stored run.
int runId(const QString& text, const store::RunStore& s, const char* sub, std::ostream& err, std::int64_t& id)
{
    bool ok = false;
    id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return reportError(err, ExitUsage, std::string("runs ") + sub + ": '" + text.toStdString() + "' is not a run id (a positive integer; see 'qpilot runs list')");
    Result<bool> has = s.hasRun(id);
    if (!has)
        return reportError(err, ExitFailed, std::string("runs ") + sub + ": " + has.error().toString());
    if (!has.value())
        return reportError(err, ExitUsage, std::string("runs ") + sub + ": no run " + std::to_string(id) + " in " + s.path() + " (see 'qpilot runs list')");
    return -1;
}

int listRuns(const Options& o, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    bool missing = false;
    if (int code = openStore(o, "list", err, s, &missing); code >= 0)
        return code;
    std::vector<store::RunSummary> runs;
    if (!missing) {
        auto list = s->listRuns();
        if (!list)
            return reportError(err, ExitFailed, "runs list: " + list.error().toString());
        runs = list.value();
    }
    if (o.json) {
        QJsonArray a;
        for (const store::RunSummary& r : runs)
            a.append(summaryJson(r));
        printJson(out, a);
        return ExitOk;
    }
    if (runs.empty()) {
        out << "No runs in " << o.db << ". Run a pilot with 'qpilot run PILOT.qpilot'.\n";
        return ExitOk;
    }
    out << std::left << std::setw(5) << "id" << std::setw(28) << "pilot" << std::setw(11) << "status" << std::setw(26) << "started"
        << std::setw(22) << "seed" << std::setw(20) << "verdict" << std::right << std::setw(8) << "overall" << "  digest\n";
    for (const store::RunSummary& r : runs)
        out << std::left << std::setw(5) << r.id << std::setw(28) << r.pilotName << std::setw(11) << r.status << std::setw(26) << r.startedAt
            << std::setw(22) << r.seed << std::setw(20) << (r.verdict.empty() ? "-" : r.verdict) << std::right << std::setw(8)
            << (r.overall < 0 ? std::string("-") : fixed(r.overall, 1)) << "  " << r.resultDigest.substr(0, 16) << "\n";
    out << runs.size() << (runs.size() == 1 ? " run" : " runs") << " in " << o.db << "\n";
    return ExitOk;
}

void printModel(std::ostream& out, const ml::ModelReport& m, const std::string& role)
{
    out << "  " << std::left << std::setw(30) << (m.model + " (" + role + ")") << std::right << " accuracy " << fixed(m.metrics.accuracy, 3)
        << "  F1 " << fixed(m.metrics.f1, 3) << "  ROC AUC " << fixed(m.metrics.rocAuc, 3) << "  (" << m.testRows << " test rows)\n";
}

int showRun(const Options& o, const QString& idText, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    if (int code = openStore(o, "show", err, s); code >= 0)
        return code;
    std::int64_t id = 0;
    if (int code = runId(idText, *s, "show", err, id); code >= 0)
        return code;
    auto run = s->loadRun(id);
    auto sum = s->summary(id);
    auto arts = s->artefacts(id);
    auto card = s->scorecardJson(id);
    if (!run || !sum || !arts || !card)
        return reportError(err, ExitFailed, "runs show: " + (!run ? run.error() : !sum ? sum.error() : !arts ? arts.error() : card.error()).toString());
    const pilot::PilotRun& r = run.value();
    if (o.json) {
        QJsonArray artefacts;
        for (const store::Artefact& a : arts.value())
            artefacts.append(QJsonObject{{"kind", q(a.kind)}, {"path", q(a.path)}, {"sha256", q(a.sha256)}});
        QJsonObject result = summaryJson(sum.value());
        result["run"] = QJsonDocument::fromJson(QByteArray::fromStdString(pilot::runToJson(r))).object();
        result["artefacts"] = artefacts;
        const QJsonDocument scorecard = QJsonDocument::fromJson(QByteArray::fromStdString(card.value()));
        result["scorecard"] = scorecard.isObject() ? QJsonValue(scorecard.object()) : QJsonValue(QJsonValue::Null);
        printJson(out, result);
        return ExitOk;
    }
    const auto row = [&](const char* label, const std::string& value) {
        if (!value.empty())
            out << "  " << std::left << std::setw(16) << label << value << "\n";
    };
    out << "Run " << id << ": " << r.pilotName << " (" << pilot::runStatusKey(r.status) << ")\n";
    row("stopped", r.stopReason);
    row("pilot file", r.pilotFile);
    row("started", r.startedAt);
    row("finished", r.finishedAt);
    row("seed", std::to_string(r.seed));
    row("user", r.user);
    row("app", r.appVersion + (r.buildId.empty() ? "" : " (" + r.buildId + ")"));
    if (!r.datasetName.empty())
        row("dataset", r.datasetName + ": " + std::to_string(r.rows) + " rows x " + std::to_string(r.features) + " features, " +
                           std::to_string(r.classes) + " classes (train " + std::to_string(r.trainRows) + ", test " + std::to_string(r.testRows) +
                           ")" + (r.datasetSource.empty() ? "" : ", " + r.datasetSource));
    row("fingerprint", r.datasetFingerprint);
    row("preprocessing", r.preprocessing);
    row("circuit", r.circuitDescription);
    row("circuit sha256", r.circuitHash);
    row("price tables", r.priceTablesUsed);
    row("result digest", sum->resultDigest);
    row("verdict", sum->verdict.empty() ? std::string("not scored") : sum->verdict + " (overall " + fixed(sum->overall, 1) + ")");

    if (!r.stages.empty()) {
        out << "\nStages:\n";
        double total = 0;
        for (const pilot::StageRecord& st : r.stages) {
            total += st.seconds;
            out << "  " << std::left << std::setw(17) << pilot::stageKey(st.stage) << std::setw(10) << st.status << std::right << std::setw(10)
                << seconds(st.seconds) << "  " << st.message << "\n";
        }
        out << "  " << std::left << std::setw(27) << "total" << std::right << std::setw(10) << seconds(total) << "\n";
    }
    if (!r.baselines.empty() || !r.quantum.model.empty()) {
        out << "\nModels (test set):\n";
        for (size_t i = 0; i < r.baselines.size(); ++i)
            printModel(out, r.baselines[i], int(i) == r.bestBaseline ? "baseline, best" : "baseline");
        if (!r.quantum.model.empty())
            printModel(out, r.quantum, "quantum, ideal");
        if (r.trainingExecutions > 0)
            out << "  circuit executions to train: " << r.trainingExecutions << "\n";
    }
    if (!r.devices.empty()) {
        out << "\nDevices:\n  " << std::left << std::setw(24) << "device" << std::right << std::setw(9) << "2q gates" << std::setw(7) << "depth"
            << std::setw(9) << "success" << std::setw(10) << "noisy acc" << std::setw(9) << "shots x" << std::setw(8) << "time x" << std::setw(14)
            << "USD per 1k" << std::setw(12) << "latency" << "\n";
        for (const pilot::DeviceOutcome& d : r.devices) {
            out << "  " << std::left << std::setw(24) << d.deviceId << std::right;
            if (!d.error.empty()) {
                out << "  failed: " << d.error << "\n";
                continue;
            }
            out << std::setw(9) << d.twoQubitGates << std::setw(7) << d.depth << std::setw(9) << fixed(d.successProbability, 3) << std::setw(10)
                << fixed(d.noisyAccuracy, 3) << std::setw(9) << sig(d.shotMultiplier) << std::setw(8) << sig(d.timeMultiplier) << std::setw(14)
                << sig(d.costPer1kUsd) << std::setw(12) << (d.latencySeconds ? seconds(*d.latencySeconds) : std::string("n/a")) << "\n";
        }
        out << "  classical: USD " << sig(r.classicalPer1kUsd) << " per 1k, latency " << seconds(r.classicalLatencySeconds) << "\n";
    }
    if (!r.seeds.empty())
        out << "\nReproducibility: " << r.seeds.size() << " seeds, accuracy spread " << fixed(r.accuracySpread, 4) << ", std "
            << fixed(r.accuracyStd, 4) << "\n";
    if (!arts->empty()) {
        out << "\nArtefacts:\n";
        for (const store::Artefact& a : arts.value())
            out << "  " << std::left << std::setw(8) << a.kind << a.path << (a.sha256.empty() ? "" : "  sha256 " + a.sha256.substr(0, 16)) << "\n";
    }
    if (!r.warnings.empty()) {
        out << "\nWarnings:\n";
        for (const std::string& w : r.warnings)
            out << "  " << w << "\n";
    }
    return ExitOk;
}

int exportRun(const Options& o, const QString& idText, const QString& dir, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    if (int code = openStore(o, "export-mlflow", err, s); code >= 0)
        return code;
    std::int64_t id = 0;
    if (int code = runId(idText, *s, "export-mlflow", err, id); code >= 0)
        return code;
    Result<std::string> exported = store::exportMlflow(*s, id, dir.toStdString());
    if (!exported)
        return reportError(err, ExitFailed, "runs export-mlflow: " + exported.error().toString());
    std::string runDir;
    if (auto arts = s->artefacts(id))
        for (const store::Artefact& a : arts.value())
            if (a.kind == "mlflow" && a.path.size() >= exported->size() && a.path.compare(a.path.size() - exported->size(), std::string::npos, exported.value()) == 0)
                runDir = a.path;
    if (o.json) {
        printJson(out, QJsonObject{{"run_id", qint64(id)}, {"mlflow_run_id", q(exported.value())}, {"run_directory", q(runDir)}, {"mlruns", q(dir.toStdString())}});
        return ExitOk;
    }
    out << "Exported run " << id << " as MLflow run " << exported.value() << "\n  " << runDir << "\n"
        << "Open it with: mlflow ui --backend-store-uri " << QFileInfo(dir).absoluteFilePath().toStdString()
        << "  (MLflow >= 3.13: MLFLOW_ALLOW_FILE_STORE=true)\n";
    return ExitOk;
}

int showAudit(const Options& o, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    if (int code = openStore(o, "audit", err, s); code >= 0)
        return code;
    auto log = s->auditLog();
    if (!log)
        return reportError(err, ExitFailed, "runs audit: " + log.error().toString());
    if (o.json) {
        QJsonArray a;
        for (const store::AuditEntry& e : log.value())
            a.append(QJsonObject{{"id", qint64(e.id)}, {"at", q(e.at)}, {"user", q(e.user)}, {"action", q(e.action)}, {"subject", q(e.subject)}, {"detail", q(e.detail)}});
        printJson(out, a);
        return ExitOk;
    }
    out << std::left << std::setw(6) << "id" << std::setw(26) << "at" << std::setw(14) << "user" << std::setw(16) << "action" << std::setw(10)
        << "subject" << "detail\n";
    for (const store::AuditEntry& e : log.value())
        out << std::left << std::setw(6) << e.id << std::setw(26) << e.at << std::setw(14) << e.user << std::setw(16) << e.action << std::setw(10)
            << e.subject << e.detail << "\n";
    out << log->size() << " entries (append-only) in " << o.db << "\n";
    return ExitOk;
}

int showCircuits(const Options& o, const QString& pilotName, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    if (int code = openStore(o, "circuits", err, s); code >= 0)
        return code;
    auto history = s->circuitHistory(pilotName.toStdString());
    if (!history)
        return reportError(err, ExitFailed, "runs circuits: " + history.error().toString());
    if (history->empty())
        return reportError(err, ExitUsage, "runs circuits: no circuit versions for pilot '" + pilotName.toStdString() + "' in " + o.db +
                                               " (pilot names are listed by 'qpilot runs list')");
    if (o.json) {
        QJsonArray a;
        for (const store::CircuitVersion& v : history.value())
            a.append(QJsonObject{{"id", qint64(v.id)}, {"hash", q(v.hash)}, {"parent", v.parent ? QJsonValue(qint64(v.parent)) : QJsonValue(QJsonValue::Null)},
                                 {"message", q(v.message)}, {"created_at", q(v.createdAt)}, {"qasm", q(v.qasm)}});
        printJson(out, a);
        return ExitOk;
    }
    out << "Circuit versions of " << pilotName.toStdString() << " (newest last):\n";
    out << std::left << std::setw(8) << "version" << std::setw(8) << "parent" << std::setw(26) << "created" << std::setw(18) << "sha256" << std::setw(7)
        << "lines" << "message\n";
    for (const store::CircuitVersion& v : history.value())
        out << std::left << std::setw(8) << v.id << std::setw(8) << (v.parent ? std::to_string(v.parent) : std::string("-")) << std::setw(26) << v.createdAt
            << std::setw(18) << v.hash.substr(0, 16) << std::setw(7) << std::count(v.qasm.begin(), v.qasm.end(), '\n') << v.message << "\n";
    return ExitOk;
}

// Re-executes stored run `id` from its record and compares the results field by field.
int reproduceRun(const Options& o, const QString& idText, bool quiet, std::ostream& out, std::ostream& err)
{
    std::unique_ptr<store::RunStore> s;
    if (int code = openStore(o, "reproduce", err, s); code >= 0)
        return code;
    std::int64_t id = 0;
    if (int code = runId(idText, *s, "reproduce", err, id); code >= 0)
        return code;
    s.reset(); // the core opens its own connection
    const pilot::Reproduction r = pilot::reproduceRun(o.db, id, quiet ? pilot::PipelineHooks{} : progressPrinter(err));
    if (!r.invalid.empty()) {
        for (const Error& e : r.invalid)
            reportError(err, ExitFailed, "runs reproduce: run " + std::to_string(id) + " can no longer run: " + e.toString());
        return ExitFailed;
    }
    if (r.error)
        return reportError(err, r.notReproducible ? ExitUsage : ExitFailed, "runs reproduce: " + r.error->toString());
    for (const std::string& e : r.storeErrors)
        reportError(err, ExitFailed, "runs reproduce: " + e);
    const pilot::Execution& execution = r.execution;
    const std::vector<std::string>& differences = r.differences;
    const bool identical = r.identical;
    const std::string& before = r.digest;
    const std::string& after = r.reproducedDigest;
    if (o.json) {
        QJsonArray diffs;
        for (const std::string& d : differences)
            diffs.append(q(d));
        printJson(out, QJsonObject{{"run_id", static_cast<qint64>(id)},
                                   {"reproduced_as", static_cast<qint64>(execution.runId)},
                                   {"identical", identical},
                                   {"digest", q(before)},
                                   {"reproduced_digest", orNull(after)},
                                   {"differences", diffs}});
    } else if (identical) {
        out << "Run " << id << " reproduced as run " << execution.runId << ": bit-identical results.\n"
            << "Result digest " << before << " (both runs)\n";
    } else {
        out << "Run " << id << " reproduced as run " << execution.runId << ": results DIFFER in "
            << differences.size() << (differences.size() >= 50 ? "+" : "") << " field(s):\n";
        for (const std::string& d : differences)
            out << "  " << d << "\n";
        out << "Digest " << before << " (run " << id << ")\n       " << (after.empty() ? "-" : after) << " (run "
            << execution.runId << ")\n";
    }
    return identical ? ExitOk : ExitFailed;
}

int runRuns(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("run store"), QStringLiteral("FILE"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"));
    parser.addOptions({jsonOpt, dbOpt, quietOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kRunsVerb, args, out, err); code >= 0)
        return code;
    const QStringList pos = parser.positionalArguments();
    Options o;
    o.json = parser.isSet(jsonOpt);
    o.explicitDb = parser.isSet(dbOpt);
    o.db = o.explicitDb ? parser.value(dbOpt).toStdString() : store::defaultDatabasePath();
    if (pos.isEmpty())
        return reportError(err, ExitUsage, "runs: missing sub-command (list, show ID, reproduce ID, export-mlflow ID DIR, audit or circuits PILOT)", kRunsVerb.name);
    const QString sub = pos.first();
    const auto expect = [&](int n, const char* what) {
        if (pos.size() == n + 1)
            return -1;
        return reportError(err, ExitUsage,
                           "runs " + sub.toStdString() + ": " + (pos.size() <= n ? std::string("missing ") + what : "unexpected argument '" + pos.last().toStdString() + "'"),
                           kRunsVerb.name);
    };
    if (sub == QLatin1String("list")) {
        if (int code = expect(0, ""); code >= 0)
            return code;
        return listRuns(o, out, err);
    }
    if (sub == QLatin1String("show")) {
        if (int code = expect(1, "ID (see 'qpilot runs list')"); code >= 0)
            return code;
        return showRun(o, pos[1], out, err);
    }
    if (sub == QLatin1String("reproduce")) {
        if (int code = expect(1, "ID (see 'qpilot runs list')"); code >= 0)
            return code;
        return reproduceRun(o, pos[1], parser.isSet(quietOpt), out, err);
    }
    if (sub == QLatin1String("export-mlflow")) {
        if (int code = expect(2, pos.size() < 2 ? "ID and DIR" : "DIR (the mlruns directory to write)"); code >= 0)
            return code;
        return exportRun(o, pos[1], pos[2], out, err);
    }
    if (sub == QLatin1String("audit")) {
        if (int code = expect(0, ""); code >= 0)
            return code;
        return showAudit(o, out, err);
    }
    if (sub == QLatin1String("circuits")) {
        if (int code = expect(1, "PILOT (a pilot name)"); code >= 0)
            return code;
        return showCircuits(o, pos[1], out, err);
    }
    return reportError(err, ExitUsage,
                       "runs: unknown sub-command '" + sub.toStdString() + "' (use list, show, reproduce, export-mlflow, audit or circuits)", kRunsVerb.name);
}

} // namespace

const Verb kRunsVerb = {
    "runs",
    "the run store: list runs, show one, reproduce one bit for bit, export to MLflow, audit log, circuits",
    "runs list|show ID|reproduce ID|export-mlflow ID DIR|audit|circuits PILOT [--db FILE] [--json]",
    kUsage,
    &runRuns,
};

} // namespace qpilot::cli
