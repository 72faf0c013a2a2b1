// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/cloud.cpp — `qpilot cloud login|logout|devices|submit|jobs|wait|cancel|result|resume`
// (with --compare: the counts against the simulator):
// cloud QPU jobs from the command line through core/cloud. Jobs live in the run store (--db) and
// survive the process: submit records the job before sending it, `wait`/`resume` pick it up after
// a crash. Credentials come from the OS keychain, the opt-in encrypted file or the environment
// (core/cloud/secrets.h) and are never printed or written anywhere else.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/cloud/jobs.h"
#include "core/cloud/secrets.h"
#include "core/cloud/simulation_check.h"
#include "ui/cloud/cloudconnect.h"
#include "core/cloud/submission.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>

#include <termios.h>
#include <unistd.h>

namespace qpilot::cli {

namespace {

using namespace qpilot::cloud;

const char kUsage[] =
    "Usage: qpilot cloud login PROVIDER [--from-env] [--no-verify]\n"
    "       qpilot cloud logout PROVIDER\n"
    "       qpilot cloud devices PROVIDER [--json]\n"
    "       qpilot cloud submit FILE --device ID --shots N [--provider P] [--budget USD] [--yes]\n"
    "                           [--no-wait] [--compare] [--json]\n"
    "       qpilot cloud jobs [--json]\n"
    "       qpilot cloud wait|cancel|result JOB [--compare] [--json]\n"
    "       qpilot cloud resume [--json]\n"
    "\n"
    "Runs circuits on cloud QPUs (PROVIDER: ibm, braket, ionq). Every job is written to the run\n"
    "store before it is sent and updated on every state change, so a crashed or killed qpilot\n"
    "loses nothing: 'cloud wait JOB' or 'cloud resume' carries on; a job whose submit reply was\n"
    "lost is looked up by its client token, never sent twice.\n"
    "  login PROVIDER    stores credentials in the OS keychain (or the encrypted file, see below):\n"
    "                    read from the terminal (hidden), from standard input (one value per line:\n"
    "                    IBM key, CRN; IonQ key; AWS key id, secret, optional session token), or\n"
    "                    with --from-env from the variables below; verified by listing devices\n"
    "                    unless --no-verify\n"
    "  logout PROVIDER   removes the stored credentials\n"
    "  devices PROVIDER  the provider's devices: status, qubits, queue, matching Qpilot profile\n"
    "  submit FILE       transpiles FILE to the device's ISA when a Qpilot profile matches, shows\n"
    "                    the estimated cost, checks it against --budget (asks for confirmation on\n"
    "                    a terminal, refuses otherwise unless --yes), submits and waits (unless\n"
    "                    --no-wait), printing the counts (qubit 0 rightmost)\n"
    "  jobs              the stored jobs (no network)\n"
    "  wait JOB          polls until the job ends, stores and prints the counts\n"
    "  cancel JOB        asks the provider to cancel the job\n"
    "  result JOB        the job's counts (fetched once, then read from the store)\n"
    "  resume            resumes every unfinished job (after a crash or restart)\n"
    "\n"
    "Options:\n"
    "  --provider P            ibm, braket or ionq (submit: default from the device id)\n"
    "  --device ID             provider's device id: ibm_fez, qpu.aria-1, a Braket device ARN\n"
    "  --shots N               shots (default 1000)\n"
    "  --budget USD            confirmation needed above this estimated cost (also\n"
    "                          QPILOT_CLOUD_BUDGET); a job of unknown cost always needs it\n"
    "  --yes                   confirm without asking\n"
    "  --no-wait               submit only; 'cloud wait JOB' later\n"
    "  --compare               with the counts: the job's circuit simulated ideal and with the\n"
    "                          matching Qpilot profile's noise model, and the total variation\n"
    "                          distance and Hellinger fidelity of the counts to each\n"
    "  --poll SECONDS          first polling interval (default 2; grows to 30)\n"
    "  --timeout SECONDS       give up waiting after this long (the job is kept)\n"
    "  --endpoint URL          provider API (QPILOT_<PROVIDER>_ENDPOINT)\n"
    "  --auth-endpoint URL     IBM IAM (QPILOT_IBM_AUTH_ENDPOINT)\n"
    "  --storage-endpoint URL  Braket results S3 (QPILOT_BRAKET_STORAGE_ENDPOINT)\n"
    "  --region R              Braket/IBM region (QPILOT_<PROVIDER>_REGION)\n"
    "  --bucket B              Braket results bucket, amazon-braket-... (QPILOT_BRAKET_BUCKET)\n"
    "                          (endpoints: defaults < those saved on the workbench's Accounts\n"
    "                          tab < QPILOT_<PROVIDER>_* < these flags)\n"
    "  --db FILE               the run store (default: $QPILOT_DATA_DIR/runs.sqlite, else the\n"
    "                          application data directory)\n"
    "  --json                  print JSON\n"
    "  -h, --help              show this help\n"
    "\n"
    "Credentials: OS keychain by default. Without a keychain service, opt in to an encrypted file\n"
    "(AES-256-GCM) with QPILOT_SECRETS=file, QPILOT_SECRETS_PASSPHRASE (or a prompt) and\n"
    "optionally QPILOT_SECRETS_FILE. Pipelines may set QPILOT_IBM_API_KEY, QPILOT_IBM_SERVICE_CRN,\n"
    "QPILOT_IONQ_API_KEY, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN instead.\n"
    "Plain http:// endpoints are refused except to 127.0.0.1/localhost; TLS errors are fatal.\n"
    "Exit status: 0 ok, 1 the work failed (network, provider, job failed or cancelled, budget\n"
    "refused), 2 bad usage or input.\n";

QString q(const std::string& s) { return QString::fromStdString(s); }
QJsonValue orNull(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }
QJsonValue orNull(const std::string& s) { return s.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(q(s)); }

struct Options {
    bool json = false;
    std::string db;
    std::optional<std::string> endpoint, authEndpoint, storageEndpoint, region, bucket;
    bool yes = false, noWait = false, fromEnv = false, noVerify = false;
    bool compare = false; // --compare: the counts against the simulator
    WaitOptions wait;
};

bool interactive() { return ::isatty(STDIN_FILENO) == 1; }

// One line from standard input; hidden when it is a terminal.
std::string readLine(const std::string& prompt, bool hidden, std::ostream& err)
{
    const bool tty = interactive();
    termios old{};
    if (tty) {
        err << prompt << std::flush;
        if (hidden && ::tcgetattr(STDIN_FILENO, &old) == 0) {
            termios quiet = old;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty && hidden) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err << "\n";
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    return line;
}

// defaults < the endpoints saved on the workbench's Accounts tab < QPILOT_<PROVIDER>_* < flags
// (a --region alone moves the Braket API host, as a saved or environment region does).
Endpoints endpointsFor(Provider p, const Options& o)
{
    EndpointOverrides top = endpointOverridesFromEnvironment(p);
    for (const auto& [flag, field] : {std::pair{&o.endpoint, &top.api}, {&o.authEndpoint, &top.auth},
                                      {&o.storageEndpoint, &top.storage}, {&o.region, &top.region}, {&o.bucket, &top.bucket}})
        if (*flag)
            *field = **flag;
    return resolveEndpoints(p, cloudui::savedEndpoints(p), top).endpoints;
}

Result<SecretStore> secretStore(std::ostream& err)
{
    Result<SecretsOptions> o = secretsOptionsFromEnvironment();
    if (!o)
        return o.error();
    SecretsOptions opts = o.value();
    if (opts.backend == SecretBackend::File && opts.passphrase.empty()) {
        if (!interactive())
            return Error("QPILOT_SECRETS=file needs QPILOT_SECRETS_PASSPHRASE when standard input is not a terminal");
        opts.passphrase = readLine("Passphrase for " + opts.filePath + ": ", true, err);
    }
    return SecretStore(opts);
}

// A provider client with everything it speaks through.
struct Session {
    std::unique_ptr<HttpTransport> http;
    std::unique_ptr<ProviderClient> client;
};

Result<Session> connect(Provider p, const Options& o, std::ostream& err)
{
    const Endpoints e = endpointsFor(p, o);
    if (std::optional<Error> bad = checkEndpoints(e))
        return Error(std::string(providerTitle(p)) + ": " + bad->message);
    Result<SecretStore> secrets = secretStore(err);
    if (!secrets)
        return secrets.error();
    Result<Credentials> creds = resolveCredentials(p, secrets.value());
    if (!creds)
        return creds.error();
    Session s;
    s.http = std::make_unique<HttpTransport>();
    Result<std::unique_ptr<ProviderClient>> c = makeClient(p, e, creds.value(), *s.http);
    if (!c)
        return c.error();
    s.client = std::move(c).value();
    return s;
}

QJsonObject jobJson(const CloudJob& j)
{
    QJsonObject o{{QStringLiteral("id"), qint64(j.id)},
                  {QStringLiteral("provider"), q(j.provider)},
                  {QStringLiteral("device"), q(j.deviceId)},
                  {QStringLiteral("provider_job_id"), orNull(j.providerJobId)},
                  {QStringLiteral("client_token"), q(j.clientToken)},
                  {QStringLiteral("state"), q(j.state)},
                  {QStringLiteral("shots"), j.shots},
                  {QStringLiteral("circuit_hash"), q(j.circuitHash)},
                  {QStringLiteral("estimated_cost_usd"), orNull(j.estimatedCostUsd)},
                  {QStringLiteral("usage_seconds"), orNull(j.usageSeconds)},
                  {QStringLiteral("actual_cost_usd"), orNull(j.actualCostUsd)},
                  {QStringLiteral("created_at"), q(j.createdAt)},
                  {QStringLiteral("submitted_at"), orNull(j.submittedAt)},
                  {QStringLiteral("queued_at"), orNull(j.queuedAt)},
                  {QStringLiteral("running_at"), orNull(j.runningAt)},
                  {QStringLiteral("finished_at"), orNull(j.finishedAt)},
                  {QStringLiteral("message"), orNull(j.message)},
                  {QStringLiteral("last_error"), orNull(j.lastError)}};
    QJsonObject counts;
    if (!j.countsJson.empty())
        counts = QJsonDocument::fromJson(QByteArray::fromStdString(j.countsJson)).object();
    o.insert(QStringLiteral("counts"), j.countsJson.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(counts));
    return o;
}

void printJson(std::ostream& out, const QJsonValue& v)
{
    out << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented).toStdString();
}

std::string usd(const std::optional<double>& v)
{
    if (!v)
        return "-";
    char b[64];
    std::snprintf(b, sizeof b, "%.2f", *v);
    return b;
}

void printJob(std::ostream& out, const CloudJob& j)
{
    out << "job " << j.id << ": " << j.state << " — " << j.provider << " " << j.deviceId << ", " << j.shots << " shots\n";
    out << "  provider job id: " << (j.providerJobId.empty() ? "(not yet known)" : j.providerJobId) << "\n";
    out << "  estimated cost:  " << usd(j.estimatedCostUsd) << " USD";
    if (j.actualCostUsd || j.usageSeconds)
        out << "; reported: " << usd(j.actualCostUsd) << " USD, " << (j.usageSeconds ? fixed(*j.usageSeconds, 2) + " s" : "-");
    out << "\n";
    if (!j.message.empty())
        out << "  provider says:   " << j.message << "\n";
    if (!j.lastError.empty())
        out << "  last error:      " << j.lastError << "\n";
    if (!j.countsJson.empty()) {
        Result<std::map<std::string, std::int64_t>> c = countsFromJson(j.countsJson);
        if (c) {
            out << "  counts (qubit 0 rightmost):\n";
            for (const auto& [bits, n] : c.value())
                out << "    " << bits << "  " << n << "\n";
        }
    }
}

QJsonObject checkJson(const SimulationCheck& c)
{
    QJsonArray outcomes;
    for (std::size_t i = 0; i < c.outcomes.size(); ++i) {
        QJsonObject row{{QStringLiteral("outcome"), q(c.outcomes[i])},
                        {QStringLiteral("measured"), c.measured[i]},
                        {QStringLiteral("ideal"), c.ideal[i]}};
        if (!c.noisy.empty())
            row.insert(QStringLiteral("noisy"), c.noisy[i]);
        outcomes.append(row);
    }
    return QJsonObject{{QStringLiteral("shots"), c.shots},
                       {QStringLiteral("tvd_ideal"), c.tvdIdeal},
                       {QStringLiteral("hellinger_fidelity_ideal"), c.fidelityIdeal},
                       {QStringLiteral("tvd_noisy"), orNull(c.tvdNoisy)},
                       {QStringLiteral("hellinger_fidelity_noisy"), orNull(c.fidelityNoisy)},
                       {QStringLiteral("shot_noise_tvd"), c.shotNoiseTvd},
                       {QStringLiteral("noise_profile"), orNull(c.profileId)},
                       {QStringLiteral("noisy_method"), orNull(c.noisyMethod)},
                       {QStringLiteral("note"), orNull(c.note)},
                       {QStringLiteral("outcomes"), outcomes}};
}

void printCheck(std::ostream& out, const SimulationCheck& c)
{
    out << "  against the simulator (the job's circuit; " << c.shots << " shots measured):\n";
    out << "    ideal:            TVD " << fixed(c.tvdIdeal, 3) << ", Hellinger fidelity " << fixed(c.fidelityIdeal, 3) << "\n";
    if (c.tvdNoisy)
        out << "    noisy (" << c.profileId << ", " << c.noisyMethod << "): TVD " << fixed(*c.tvdNoisy, 3) << ", Hellinger fidelity "
            << fixed(*c.fidelityNoisy, 3) << "\n";
    out << "    shot noise alone: TVD ~ " << fixed(c.shotNoiseTvd, 3) << "\n";
    if (!c.note.empty())
        out << "    note: " << c.note << "\n";
}

int finish(const Options& o, const CloudJob& j, std::ostream& out, std::ostream& err)
{
    std::optional<Result<SimulationCheck>> check;
    if (o.compare && j.state == "completed")
        check = checkAgainstSimulation(j);
    if (o.json) {
        QJsonObject json = jobJson(j);
        if (check && check->ok())
            json.insert(QStringLiteral("simulation_check"), checkJson(check->value()));
        printJson(out, json);
    } else {
        printJob(out, j);
        if (check && check->ok())
            printCheck(out, check->value());
    }
    if (check && !check->ok())
        return reportError(err, ExitFailed, "cloud: --compare: " + check->error().message);
    if (o.compare && j.state != "completed")
        err << "qpilot: cloud: --compare: job " << j.id << " is " << j.state << ": there are no counts to compare\n";
    return (j.state == "failed" || j.state == "cancelled") ? ExitFailed : ExitOk;
}

JobProgress progressPrinter(std::ostream& err)
{
    return [&err](const CloudJob& j) { err << "qpilot: cloud job " << j.id << ": " << j.state << "\n" << std::flush; };
}

Result<Provider> providerForDevice(const std::string& device)
{
    if (device.rfind("arn:aws:braket", 0) == 0)
        return Provider::Braket;
    if (device.rfind("qpu.", 0) == 0 || device == "simulator")
        return Provider::Ionq;
    if (device.rfind("ibm_", 0) == 0)
        return Provider::Ibm;
    return Error("cannot tell the provider of device '" + device + "': add --provider ibm|braket|ionq");
}

Result<CloudJob> storedJob(const Options& o, const QString& idText, std::unique_ptr<store::RunStore>& store)
{
    bool ok = false;
    const qlonglong id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return Error("'" + idText.toStdString() + "' is not a job id (see 'qpilot cloud jobs')");
    Result<std::unique_ptr<store::RunStore>> s = store::RunStore::open(o.db);
    if (!s)
        return s.error();
    store = std::move(s).value();
    return store->cloudJob(id);
}

// ---------------------------------------------------------------------------------------------

int login(Provider p, const Options& o, std::ostream& out, std::ostream& err)
{
    Credentials c;
    if (o.fromEnv) {
        c = credentialsFromEnvironment(p);
        if (checkCredentials(p, c))
            return reportError(err, ExitUsage, "cloud login: --from-env needs " + credentialVariables(p));
    } else {
        switch (p) {
        case Provider::Ibm:
            c.apiKey = readLine("IBM Cloud API key: ", true, err);
            c.serviceCrn = readLine("Service CRN of the Qiskit Runtime instance: ", false, err);
            break;
        case Provider::Ionq:
            c.apiKey = readLine("IonQ API key: ", true, err);
            break;
        case Provider::Braket:
            c.accessKeyId = readLine("AWS access key id: ", false, err);
            c.secretAccessKey = readLine("AWS secret access key: ", true, err);
            c.sessionToken = readLine("AWS session token (empty for none): ", true, err);
            break;
        }
    }
    if (std::optional<Error> bad = checkCredentials(p, c))
        return reportError(err, ExitUsage, "cloud login: " + bad->message);
    int devices = -1;
    if (!o.noVerify) {
        const Endpoints e = endpointsFor(p, o);
        if (std::optional<Error> bad = checkEndpoints(e))
            return reportError(err, ExitUsage, "cloud login: " + bad->message);
        HttpTransport http;
        Result<std::unique_ptr<ProviderClient>> client = makeClient(p, e, c, http);
        if (!client)
            return reportError(err, ExitFailed, "cloud login: " + client.error().message);
        Result<std::vector<CloudDevice>> list = client.value()->devices();
        if (!list)
            return reportError(err, ExitFailed, "cloud login: the credentials were not accepted (nothing stored): " + list.error().message);
        devices = int(list->size());
    }
    Result<SecretStore> secrets = secretStore(err);
    if (!secrets)
        return reportError(err, ExitFailed, "cloud login: " + secrets.error().message);
    if (std::optional<Error> e = secrets.value().save(p, c))
        return reportError(err, ExitFailed, "cloud login: " + e->message);
    if (o.json) {
        printJson(out, QJsonObject{{QStringLiteral("provider"), providerKey(p)},
                                   {QStringLiteral("stored_in"), q(secrets.value().describe())},
                                   {QStringLiteral("verified"), devices >= 0},
                                   {QStringLiteral("devices"), devices}});
    } else {
        out << providerTitle(p) << ": credentials stored in " << secrets.value().describe();
        if (devices >= 0)
            out << " (verified: " << devices << " devices visible)";
        out << "\n";
    }
    return ExitOk;
}

int logout(Provider p, const Options& o, std::ostream& out, std::ostream& err)
{
    Result<SecretStore> secrets = secretStore(err);
    if (!secrets)
        return reportError(err, ExitFailed, "cloud logout: " + secrets.error().message);
    if (std::optional<Error> e = secrets.value().remove(p))
        return reportError(err, ExitFailed, "cloud logout: " + e->message);
    if (o.json)
        printJson(out, QJsonObject{{QStringLiteral("provider"), providerKey(p)}, {QStringLiteral("removed_from"), q(secrets.value().describe())}});
    else
        out << providerTitle(p) << ": credentials removed from " << secrets.value().describe() << "\n";
    return ExitOk;
}

int devices(Provider p, const Options& o, std::ostream& out, std::ostream& err)
{
    Result<Session> s = connect(p, o, err);
    if (!s)
        return reportError(err, ExitFailed, "cloud devices: " + s.error().message);
    Result<std::vector<CloudDevice>> list = s->client->devices();
    if (!list)
        return reportError(err, ExitFailed, "cloud devices: " + list.error().message);
    if (o.json) {
        QJsonArray a;
        for (const CloudDevice& d : list.value()) {
            QJsonArray gates;
            for (const std::string& g : d.nativeGates)
                gates.append(q(g));
            const std::string profile = d.profileId.empty() ? profileIdForCloudDevice(p, d.id) : d.profileId;
            a.append(QJsonObject{{QStringLiteral("id"), q(d.id)},
                                 {QStringLiteral("name"), q(d.name)},
                                 {QStringLiteral("status"), q(d.status)},
                                 {QStringLiteral("available"), d.available},
                                 {QStringLiteral("queue_length"), d.queueLength ? QJsonValue(*d.queueLength) : QJsonValue(QJsonValue::Null)},
                                 {QStringLiteral("qubits"), d.qubits},
                                 {QStringLiteral("native_gates"), gates},
                                 {QStringLiteral("profile"), orNull(profile)}});
        }
        printJson(out, a);
        return ExitOk;
    }
    out << providerTitle(p) << ": " << list->size() << " devices\n";
    for (const CloudDevice& d : list.value()) {
        const std::string profile = d.profileId.empty() ? profileIdForCloudDevice(p, d.id) : d.profileId;
        out << "  " << d.id << "  " << d.status << (d.available ? "" : " (unavailable)") << ", " << d.qubits << " qubits, queue "
            << (d.queueLength ? std::to_string(*d.queueLength) : std::string("?")) << (profile.empty() ? "" : ", profile " + profile)
            << "\n";
    }
    return ExitOk;
}

int submit(const QCommandLineParser& parser, const QString& file, const Options& o, std::ostream& out, std::ostream& err)
{
    const std::string device = parser.value(QStringLiteral("device")).toStdString();
    if (device.empty())
        return reportError(err, ExitUsage, "cloud submit: --device ID is required", kCloudVerb.name);
    bool shotsOk = true;
    const int shots = parser.isSet(QStringLiteral("shots")) ? parser.value(QStringLiteral("shots")).toInt(&shotsOk) : 1000;
    if (!shotsOk || shots < 1)
        return reportError(err, ExitUsage, "cloud submit: --shots must be a positive whole number", kCloudVerb.name);
    Result<Provider> p = parser.isSet(QStringLiteral("provider")) ? providerFromKey(parser.value(QStringLiteral("provider")).toStdString())
                                                                  : providerForDevice(device);
    if (!p)
        return reportError(err, ExitUsage, "cloud submit: " + p.error().message, kCloudVerb.name);
    const QString budgetText = parser.isSet(QStringLiteral("budget")) ? parser.value(QStringLiteral("budget"))
                                                                       : qEnvironmentVariable("QPILOT_CLOUD_BUDGET");
    Result<std::optional<double>> parsedBudget = parseBudgetUsd(budgetText.toStdString());
    if (!parsedBudget)
        return reportError(err, ExitUsage, "cloud submit: --budget must be a non-negative amount in USD", kCloudVerb.name);
    const std::optional<double> budget = parsedBudget.value();
    // OpenQASM 3 files are kept as written (a user's ISA circuit for a device without a profile is
    // sent unchanged); other formats are converted. ISA circuit and cost from the matching Qpilot
    // profile, when there is one (core/cloud/submission.h, shared with the GUI).
    Result<SubmissionCircuit> circuit = loadSubmissionCircuit(file);
    if (!circuit)
        return reportError(err, ExitUsage, "cloud submit: " + circuit.error().toString());
    Result<PreparedSubmission> prepared = prepareSubmission(p.value(), device, circuit.value(), shots);
    if (!prepared)
        return reportError(err, ExitUsage, "cloud submit: " + prepared.error().message);
    const std::optional<CostEstimate>& estimate = prepared->estimate;
    const std::string& transpileNote = prepared->note;
    err << "qpilot: " << transpileNote << "\n";
    if (estimate)
        err << "qpilot: estimated cost " << usd(estimate->usd) << " USD (" << estimate->priceKey << ", plan " << estimate->plan << ", prices of "
            << estimate->date << " " << estimate->source << ")\n";
    if (budget) {
        if (std::optional<std::string> over = budgetExceeded(estimate, *budget); over && !o.yes) {
            if (!interactive())
                return reportError(err, ExitFailed, "cloud submit: " + *over + "; not submitted (confirm with --yes)");
            const std::string answer = readLine("qpilot: " + *over + ". Submit anyway? [y/N] ", false, err);
            if (answer != "y" && answer != "Y" && answer != "yes")
                return reportError(err, ExitFailed, "cloud submit: not confirmed; nothing was submitted");
        }
    }

    Result<std::unique_ptr<store::RunStore>> s = store::RunStore::open(o.db);
    if (!s)
        return reportError(err, ExitFailed, "cloud submit: " + s.error().message);
    Result<Session> session = connect(p.value(), o, err);
    if (!session)
        return reportError(err, ExitFailed, "cloud submit: " + session.error().message);
    JobTracker tracker(*s.value(), *session->client);
    const Submission sub = prepared->submission({{"source", "qpilot"}, {"file", QFileInfo(file).fileName().toStdString()}});
    Result<CloudJob> job = tracker.submit(sub);
    if (!job)
        return reportError(err, ExitFailed, "cloud submit: " + job.error().message);
    err << "qpilot: cloud job " << job->id << " submitted (" << job->provider << " job " << job->providerJobId << ")\n" << std::flush;
    if (o.noWait)
        return finish(o, job.value(), out, err);
    Result<CloudJob> done = tracker.wait(job->id, nullptr, progressPrinter(err), o.wait);
    if (!done)
        return reportError(err, ExitFailed, "cloud submit: " + done.error().message);
    return finish(o, done.value(), out, err);
}

int listJobs(const Options& o, std::ostream& out, std::ostream& err)
{
    Result<std::unique_ptr<store::RunStore>> s = store::RunStore::open(o.db);
    if (!s)
        return reportError(err, ExitFailed, "cloud jobs: " + s.error().message);
    Result<std::vector<CloudJob>> jobs = s.value()->listCloudJobs();
    if (!jobs)
        return reportError(err, ExitFailed, "cloud jobs: " + jobs.error().message);
    if (o.json) {
        QJsonArray a;
        for (const CloudJob& j : jobs.value())
            a.append(jobJson(j));
        printJson(out, a);
        return ExitOk;
    }
    if (jobs->empty()) {
        out << "no cloud jobs in " << o.db << "\n";
        return ExitOk;
    }
    for (const CloudJob& j : jobs.value())
        out << j.id << "  " << j.state << "  " << j.provider << "  " << j.deviceId << "  " << j.shots << " shots  est. "
            << usd(j.estimatedCostUsd) << " USD  " << j.createdAt << (j.providerJobId.empty() ? "" : "  " + j.providerJobId) << "\n";
    return ExitOk;
}

int onJob(const QString& sub, const QString& idText, const Options& o, std::ostream& out, std::ostream& err)
{
    const std::string verb = "cloud " + sub.toStdString();
    bool idOk = false;
    if (idText.toLongLong(&idOk) <= 0 || !idOk)
        return reportError(err, ExitUsage, verb + ": '" + idText.toStdString() + "' is not a job id (see 'qpilot cloud jobs')",
                           kCloudVerb.name);
    std::unique_ptr<store::RunStore> store;
    Result<CloudJob> job = storedJob(o, idText, store);
    if (!job) // no such job: bad input; the store cannot be opened: failed
        return reportError(err, store ? ExitUsage : ExitFailed, verb + ": " + job.error().message);
    Result<Provider> p = jobProvider(job.value());
    if (!p)
        return reportError(err, ExitFailed, verb + ": " + p.error().message);
    // A finished job with its counts needs no network.
    if (sub == QLatin1String("result") && job->state == "completed" && !job->countsJson.empty())
        return finish(o, job.value(), out, err);
    if (sub == QLatin1String("wait") && job->state != "submitting" && job->state != "queued" && job->state != "running"
        && !(job->state == "completed" && job->countsJson.empty()))
        return finish(o, job.value(), out, err);
    Result<Session> session = connect(p.value(), o, err);
    if (!session)
        return reportError(err, ExitFailed, verb + ": " + session.error().message);
    JobTracker tracker(*store, *session->client);
    Result<CloudJob> r = sub == QLatin1String("wait")     ? tracker.wait(job->id, nullptr, progressPrinter(err), o.wait)
                         : sub == QLatin1String("cancel") ? tracker.cancel(job->id)
                                                          : Result<CloudJob>(Error(""));
    if (sub == QLatin1String("result")) {
        Result<JobResult> res = tracker.result(job->id);
        if (!res)
            return reportError(err, ExitFailed, verb + ": " + res.error().message);
        r = store->cloudJob(job->id);
    }
    if (!r)
        return reportError(err, ExitFailed, verb + ": " + r.error().message);
    const int code = finish(o, r.value(), out, err);
    return sub == QLatin1String("cancel") ? ExitOk : code;
}

int resume(const Options& o, std::ostream& out, std::ostream& err)
{
    Result<std::unique_ptr<store::RunStore>> s = store::RunStore::open(o.db);
    if (!s)
        return reportError(err, ExitFailed, "cloud resume: " + s.error().message);
    Result<std::vector<CloudJob>> unfinished = s.value()->listCloudJobs(true);
    if (!unfinished)
        return reportError(err, ExitFailed, "cloud resume: " + unfinished.error().message);
    std::vector<CloudJob> all;
    bool failed = false;
    for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq}) {
        const bool any = std::any_of(unfinished->begin(), unfinished->end(), [&](const CloudJob& j) { return j.provider == providerKey(p); });
        if (!any)
            continue;
        Result<Session> session = connect(p, o, err);
        if (!session) {
            reportError(err, ExitFailed, "cloud resume: " + session.error().message);
            failed = true;
            continue;
        }
        JobTracker tracker(*s.value(), *session->client);
        Result<std::vector<CloudJob>> done = tracker.resumeUnfinished(nullptr, progressPrinter(err), o.wait);
        if (!done) {
            reportError(err, ExitFailed, "cloud resume: " + done.error().message);
            failed = true;
            continue;
        }
        for (const CloudJob& j : done.value()) {
            failed = failed || !j.lastError.empty() || j.state == "failed" || j.state == "cancelled";
            all.push_back(j);
        }
    }
    if (o.json) {
        QJsonArray a;
        for (const CloudJob& j : all)
            a.append(jobJson(j));
        printJson(out, a);
    } else if (unfinished->empty()) {
        out << "no unfinished cloud jobs\n";
    } else {
        for (const CloudJob& j : all)
            printJob(out, j);
    }
    return failed ? ExitFailed : ExitOk;
}

int runCloud(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("run store"), QStringLiteral("FILE"));
    const QCommandLineOption providerOpt(QStringLiteral("provider"), QStringLiteral("provider"), QStringLiteral("P"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"), QStringLiteral("device"), QStringLiteral("ID"));
    const QCommandLineOption shotsOpt(QStringLiteral("shots"), QStringLiteral("shots"), QStringLiteral("N"));
    const QCommandLineOption budgetOpt(QStringLiteral("budget"), QStringLiteral("budget"), QStringLiteral("USD"));
    const QCommandLineOption yesOpt(QStringLiteral("yes"));
    const QCommandLineOption noWaitOpt(QStringLiteral("no-wait"));
    const QCommandLineOption compareOpt(QStringLiteral("compare"));
    const QCommandLineOption fromEnvOpt(QStringLiteral("from-env"));
    const QCommandLineOption noVerifyOpt(QStringLiteral("no-verify"));
    const QCommandLineOption pollOpt(QStringLiteral("poll"), QStringLiteral("poll"), QStringLiteral("SECONDS"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"), QStringLiteral("timeout"), QStringLiteral("SECONDS"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), QStringLiteral("endpoint"), QStringLiteral("URL"));
    const QCommandLineOption authOpt(QStringLiteral("auth-endpoint"), QStringLiteral("auth"), QStringLiteral("URL"));
    const QCommandLineOption storageOpt(QStringLiteral("storage-endpoint"), QStringLiteral("storage"), QStringLiteral("URL"));
    const QCommandLineOption regionOpt(QStringLiteral("region"), QStringLiteral("region"), QStringLiteral("R"));
    const QCommandLineOption bucketOpt(QStringLiteral("bucket"), QStringLiteral("bucket"), QStringLiteral("B"));
    parser.addOptions({jsonOpt, dbOpt, providerOpt, deviceOpt, shotsOpt, budgetOpt, yesOpt, noWaitOpt, compareOpt, fromEnvOpt, noVerifyOpt, pollOpt,
                       timeoutOpt, endpointOpt, authOpt, storageOpt, regionOpt, bucketOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kCloudVerb, args, out, err); code >= 0)
        return code;
    Options o;
    o.json = parser.isSet(jsonOpt);
    o.db = parser.isSet(dbOpt) ? parser.value(dbOpt).toStdString() : store::defaultDatabasePath();
    o.yes = parser.isSet(yesOpt);
    o.noWait = parser.isSet(noWaitOpt);
    o.compare = parser.isSet(compareOpt);
    o.fromEnv = parser.isSet(fromEnvOpt);
    o.noVerify = parser.isSet(noVerifyOpt);
    auto opt = [&](const QCommandLineOption& x) { return parser.isSet(x) ? std::optional<std::string>(parser.value(x).toStdString()) : std::nullopt; };
    o.endpoint = opt(endpointOpt);
    o.authEndpoint = opt(authOpt);
    o.storageEndpoint = opt(storageOpt);
    o.region = opt(regionOpt);
    o.bucket = opt(bucketOpt);
    for (const auto& [option, field] : {std::pair<const QCommandLineOption*, double*>{&pollOpt, &o.wait.pollSeconds}, {&timeoutOpt, &o.wait.timeoutSeconds}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *field = parser.value(*option).toDouble(&ok);
        if (!ok || *field < 0)
            return reportError(err, ExitUsage, "cloud: --" + option->names().first().toStdString() + " must be a non-negative number of seconds",
                               kCloudVerb.name);
    }
    const QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return reportError(err, ExitUsage, "cloud: missing sub-command (login, logout, devices, submit, jobs, wait, cancel, result or resume)",
                           kCloudVerb.name);
    const QString sub = pos.first();
    const auto expect = [&](int n, const char* what) {
        if (pos.size() == n + 1)
            return -1;
        return reportError(err, ExitUsage,
                           "cloud " + sub.toStdString() + ": "
                               + (pos.size() <= n ? std::string("missing ") + what : "unexpected argument '" + pos.last().toStdString() + "'"),
                           kCloudVerb.name);
    };
    if (sub == QLatin1String("login") || sub == QLatin1String("logout") || sub == QLatin1String("devices")) {
        if (int code = expect(1, "PROVIDER (ibm, braket or ionq)"); code >= 0)
            return code;
        Result<Provider> p = providerFromKey(pos[1].toStdString());
        if (!p)
            return reportError(err, ExitUsage, "cloud " + sub.toStdString() + ": " + p.error().message, kCloudVerb.name);
        if (sub == QLatin1String("login"))
            return login(p.value(), o, out, err);
        if (sub == QLatin1String("logout"))
            return logout(p.value(), o, out, err);
        return devices(p.value(), o, out, err);
    }
    if (sub == QLatin1String("submit")) {
        if (int code = expect(1, "FILE (an OpenQASM 2/3 or other circuit file)"); code >= 0)
            return code;
        return submit(parser, pos[1], o, out, err);
    }
    if (sub == QLatin1String("jobs")) {
        if (int code = expect(0, ""); code >= 0)
            return code;
        return listJobs(o, out, err);
    }
    if (sub == QLatin1String("wait") || sub == QLatin1String("cancel") || sub == QLatin1String("result")) {
        if (int code = expect(1, "JOB (see 'qpilot cloud jobs')"); code >= 0)
            return code;
        return onJob(sub, pos[1], o, out, err);
    }
    if (sub == QLatin1String("resume")) {
        if (int code = expect(0, ""); code >= 0)
            return code;
        return resume(o, out, err);
    }
    return reportError(err, ExitUsage,
                       "cloud: unknown sub-command '" + sub.toStdString()
                           + "' (use login, logout, devices, submit, jobs, wait, cancel, result or resume)",
                       kCloudVerb.name);
}

} // namespace

const Verb kCloudVerb = {
    "cloud",
    "run circuits on cloud QPUs (IBM, Braket, IonQ): persistent jobs, cost guard",
    "cloud login|logout|devices|submit|jobs|wait|cancel|result|resume ... [--json]",
    kUsage,
    runCloud,
};

} // namespace qpilot::cli
