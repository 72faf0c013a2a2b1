// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/cloud.cpp — the provider-neutral pieces of core/cloud: provider and job-state keys
// (endpoints are in endpoints.cpp), and the bit-order normalisation every client uses
// (Braket's qubit-0-leftmost keys, IBM's hex samples, IonQ's index-keyed probabilities).
#include "core/cloud/cloud.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace qpilot::cloud {

const char* providerKey(Provider p)
{
    switch (p) {
    case Provider::Ibm: return "ibm";
    case Provider::Braket: return "braket";
    case Provider::Ionq: return "ionq";
    }
    return "?";
}

const char* providerTitle(Provider p)
{
    switch (p) {
    case Provider::Ibm: return "IBM Quantum Platform";
    case Provider::Braket: return "Amazon Braket";
    case Provider::Ionq: return "IonQ";
    }
    return "?";
}

Result<Provider> providerFromKey(const std::string& key)
{
    for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
        if (key == providerKey(p))
            return p;
    return Error("unknown cloud provider '" + key + "' (known: ibm, braket, ionq)");
}

const char* jobStateKey(JobState s)
{
    switch (s) {
    case JobState::Submitting: return "submitting";
    case JobState::Queued: return "queued";
    case JobState::Running: return "running";
    case JobState::Completed: return "completed";
    case JobState::Failed: return "failed";
    case JobState::Cancelled: return "cancelled";
    }
    return "?";
}

Result<JobState> jobStateFromKey(const std::string& key)
{
    for (JobState s : {JobState::Submitting, JobState::Queued, JobState::Running, JobState::Completed, JobState::Failed,
                       JobState::Cancelled})
        if (key == jobStateKey(s))
            return s;
    return Error("unknown job state '" + key + "' (known: submitting, queued, running, completed, failed, cancelled)");
}

bool isTerminal(JobState s)
{
    return s == JobState::Completed || s == JobState::Failed || s == JobState::Cancelled;
}

std::map<std::string, std::int64_t> reverseBitstrings(const std::map<std::string, std::int64_t>& counts)
{
    std::map<std::string, std::int64_t> out;
    for (const auto& [key, n] : counts)
        out[std::string(key.rbegin(), key.rend())] += n;
    return out;
}

namespace {

// Basis-state index → bitstring of `width` characters, qubit 0 (bit 0) rightmost.
std::string indexBits(std::uint64_t index, int width)
{
    std::string s(static_cast<std::size_t>(width), '0');
    for (int q = 0; q < width; ++q)
        if (q < 64 && ((index >> q) & 1U))
            s[static_cast<std::size_t>(width - 1 - q)] = '1';
    return s;
}

} // namespace

Result<std::map<std::string, std::int64_t>> countsFromHexSamples(const std::vector<std::string>& samples, int width)
{
    if (width < 1 || width > 64)
        return Error("hex samples: register width " + std::to_string(width) + " is outside 1..64");
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const std::string& s = samples[i];
        const std::string where = "hex sample " + std::to_string(i) + " ('" + s + "')";
        if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
            return Error(where + ": expected a 0x-prefixed hex number");
        std::uint64_t v = 0;
        std::size_t digits = 0;
        for (std::size_t k = 2; k < s.size(); ++k) {
            const char c = s[k];
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0)
                return Error(where + ": '" + std::string(1, c) + "' is not a hex digit");
            if (v == 0 && d == 0)
                continue; // leading zeros
            if (++digits > 16)
                return Error(where + ": more than 64 bits");
            v = (v << 4) | static_cast<std::uint64_t>(d);
        }
        if (width < 64 && (v >> width) != 0)
            return Error(where + ": does not fit in " + std::to_string(width) + " bits");
        ++out[indexBits(v, width)];
    }
    return out;
}

Result<std::map<std::string, std::int64_t>> countsFromIndexProbabilities(const std::map<std::string, double>& probs,
                                                                         int width, int shots)
{
    if (width < 1 || width > 64)
        return Error("probabilities: register width " + std::to_string(width) + " is outside 1..64");
    if (shots < 1)
        return Error("probabilities: shots must be at least 1 (got " + std::to_string(shots) + ")");
    struct Entry { std::string bits; double p; std::int64_t n; double rem; };
    std::vector<Entry> entries;
    double total = 0;
    for (const auto& [key, p] : probs) {
        const std::string where = "probability of state '" + key + "'";
        if (key.empty() || !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return Error(where + ": the key must be a decimal basis-state index");
        if (key.size() > 20)
            return Error(where + ": index out of range");
        const unsigned long long index = std::stoull(key);
        if (width < 64 && (index >> width) != 0)
            return Error(where + ": index does not fit in " + std::to_string(width) + " qubits");
        if (!std::isfinite(p) || p < 0)
            return Error(where + ": " + std::to_string(p) + " is not a probability");
        entries.push_back({indexBits(index, width), p, 0, 0});
        total += p;
    }
    if (entries.empty() || total <= 0)
        return Error("probabilities: no state has a positive probability");
    if (std::abs(total - 1.0) > 1e-3)
        return Error("probabilities add up to " + std::to_string(total) + ", not 1");
    // Largest remainder (Hamilton): floor every share, then hand the leftover shots to the largest
    // fractional parts (ties: the smaller bitstring first, so the result is deterministic).
    std::int64_t given = 0;
    for (Entry& e : entries) {
        const double exact = e.p / total * shots;
        e.n = static_cast<std::int64_t>(std::floor(exact));
        e.rem = exact - static_cast<double>(e.n);
        given += e.n;
    }
    std::vector<std::size_t> order(entries.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return entries[a].rem > entries[b].rem; });
    for (std::size_t k = 0; given < shots; k = (k + 1) % order.size(), ++given)
        ++entries[order[k]].n;
    std::map<std::string, std::int64_t> out;
    for (const Entry& e : entries)
        if (e.n > 0)
            out[e.bits] += e.n;
    return out;
}

} // namespace qpilot::cloud
