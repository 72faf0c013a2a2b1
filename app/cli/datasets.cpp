// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/datasets.cpp — `qpilot datasets [--json]`: the shipped datasets (rows, features,
// classes, citation) and the seeded generators, i.e. everything `qpilot train --dataset` takes
// besides a CSV file.
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/ml/ml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot datasets [--json]\n"
    "\n"
    "Lists the datasets shipped with Qpilot (rows, features, classes, citation) and the\n"
    "generators of synthetic data with their parameters and defaults. Use a name with\n"
    "'qpilot train --dataset NAME' (generators: NAME:key=value,..., seeded by --seed).\n"
    "\n"
    "Options:\n"
    "  --json      print a JSON object {\"datasets\": [...], \"generators\": [...]}\n"
    "  -h, --help  show this help\n";

int runDatasets(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({jsonOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kDatasetsVerb, args, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return reportError(err, ExitUsage, "datasets: takes no arguments", kDatasetsVerb.name);
    const auto shipped = ml::builtinDatasets();
    const auto generators = ml::generators();
    if (parser.isSet(jsonOpt)) {
        QJsonArray ds, gen;
        for (const ml::BuiltinDatasetInfo& d : shipped)
            ds.append(QJsonObject{{"name", QString::fromStdString(d.name)},
                                  {"title", QString::fromStdString(d.title)},
                                  {"rows", d.rows},
                                  {"features", d.features},
                                  {"classes", d.classes},
                                  {"citation", QString::fromStdString(d.citation)}});
        for (const ml::GeneratorInfo& g : generators)
            gen.append(QJsonObject{{"name", QString::fromStdString(g.name)}, {"description", QString::fromStdString(g.description)}});
        out << QJsonDocument(QJsonObject{{"datasets", ds}, {"generators", gen}}).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << "Shipped datasets:\n"
        << std::left << std::setw(16) << "name" << std::right << std::setw(6) << "rows" << std::setw(10) << "features"
        << std::setw(9) << "classes" << "  title\n";
    for (const ml::BuiltinDatasetInfo& d : shipped)
        out << std::left << std::setw(16) << d.name << std::right << std::setw(6) << d.rows << std::setw(10) << d.features
            << std::setw(9) << d.classes << "  " << d.title << "\n";
    out << "\nGenerators (seeded by --seed; parameters as NAME:key=value,...):\n";
    for (const ml::GeneratorInfo& g : generators)
        out << "  " << std::left << std::setw(9) << g.name << g.description << "\n";
    out << "\nCitations: qpilot datasets --json, or resources/datasets/SOURCES.md.\n";
    return ExitOk;
}

} // namespace

const Verb kDatasetsVerb = {
    "datasets",
    "list the shipped datasets (rows, features, classes, citation) and the data generators",
    "datasets [--json]",
    kUsage,
    &runDatasets,
};

} // namespace qpilot::cli
