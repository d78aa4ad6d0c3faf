@testable import FerryMetrics

/// What Prometheus conventions and the catalogue require of a scrape; returns one line per violation.
enum ScrapeConformance {
    static func violations(_ scrape: PrometheusText) -> [String] {
        var found: [String] = []
        for name in scrape.order {
            guard let family = scrape.families[name] else { continue }
            if (family.help ?? "").isEmpty { found.append("\(name): no HELP") }
            guard let type = family.type else {
                found.append("\(name): no TYPE")
                continue
            }
            guard let metric = FerryMetric.byName[name] else {
                found.append("\(name): not in the catalogue")
                continue
            }
            if metric.kind.rawValue != type { found.append("\(name): TYPE \(type), catalogue \(metric.kind)") }
            if family.help != metric.help { found.append("\(name): HELP differs from the catalogue") }
            if !name.hasPrefix("ferry_") { found.append("\(name): no ferry_ prefix") }
            if (type == "counter") != name.hasSuffix("_total") { found.append("\(name): _total iff counter") }
            let allowed = Set(metric.labels + (type == "histogram" ? ["le"] : []))
            for sample in family.samples where !Set(sample.labels.keys).isSubset(of: allowed) {
                found.append("\(name): labels \(sample.labels.keys.sorted()) beyond \(metric.labels)")
            }
        }
        return found
    }
}
