package io.newsflow.opsconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's JSON: rates between two snapshots, freshness percentiles, lag, dead
 * letters, health.
 */
final class StatusJson {

    private static final List<String> OUTCOMES = List.of("applied", "removed", "duplicate", "stale", "failed");

    private StatusJson() {
    }

    static String of(Snapshot now, Snapshot before) {
        double seconds = before == null ? 0 : (now.takenAtNanos() - before.takenAtNanos()) / 1e9;
        List<String> services = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        String ingest = "null";
        for (Snapshot.Service service : now.services().values()) {
            Snapshot.Service earlier = before == null ? null : before.services().get(service.name());
            services.add(object("name", text(service.name()), "status", text(service.status()), "components",
                    components(service.components())));
            if (service.samples().stream().anyMatch(s -> s.name().equals("newsflow_ingest_items_total"))) {
                ingest = ingest(service, earlier, seconds);
            }
            if (service.samples().stream().anyMatch(s -> s.name().equals("newsflow_projection_events_total"))) {
                consumers.add(consumer(service, earlier, seconds));
            }
        }
        return object("services", "[" + String.join(",", services) + "]", "ingest", ingest, "consumers",
                "[" + String.join(",", consumers) + "]", "intervalSeconds", number(seconds));
    }

    private static String ingest(Snapshot.Service now, Snapshot.Service before, double seconds) {
        List<String> fields = new ArrayList<>();
        for (String outcome : List.of("accepted", "rejected", "failed")) {
            double total = now.sum("newsflow_ingest_items_total", s -> s.label("outcome").equals(outcome));
            double earlier = before == null ? total
                    : before.sum("newsflow_ingest_items_total", s -> s.label("outcome").equals(outcome));
            fields.add(outcome);
            fields.add(object("total", number(total), "perSecond", number(rate(total, earlier, seconds))));
        }
        fields.add("pages");
        fields.add(number(now.sum("newsflow_ingest_pages_total", s -> true)));
        return object(fields.toArray(String[]::new));
    }

    private static String consumer(Snapshot.Service now, Snapshot.Service before, double seconds) {
        List<String> outcomes = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            double total = now.sum("newsflow_projection_events_total", s -> s.label("outcome").equals(outcome));
            double earlier = before == null ? total
                    : before.sum("newsflow_projection_events_total", s -> s.label("outcome").equals(outcome));
            outcomes.add(outcome);
            outcomes.add(object("total", number(total), "perSecond", number(rate(total, earlier, seconds))));
        }
        Histogram freshness = now.histogram("newsflow_freshness_seconds");
        Histogram window = before == null ? freshness : freshness.since(before.histogram("newsflow_freshness_seconds"));
        if (window.count() == 0) {
            window = freshness;
        }
        return object("name", text(now.name()), "outcomes", object(outcomes.toArray(String[]::new)), "freshnessP50Ms",
                number(window.quantile(0.5) * 1000), "freshnessP99Ms", number(window.quantile(0.99) * 1000), "lag",
                number(now.sum("newsflow_consumer_lag_records", s -> true)), "deadLettersHeld",
                number(now.sum("newsflow_deadletters_records", s -> s.label("state").equals("held"))),
                "deadLettersPending",
                number(now.sum("newsflow_deadletters_records", s -> s.label("state").equals("pending"))));
    }

    private static double rate(double now, double before, double seconds) {
        return seconds <= 0 ? 0 : Math.max(0, now - before) / seconds;
    }

    private static String components(Map<String, String> components) {
        List<String> fields = new ArrayList<>();
        components.forEach((name, status) -> {
            fields.add(name);
            fields.add(text(status));
        });
        return object(fields.toArray(String[]::new));
    }

    /** A JSON object from name, raw-JSON-value pairs. */
    private static String object(String... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                json.append(',');
            }
            json.append(text(namesAndValues[i])).append(':').append(namesAndValues[i + 1]);
        }
        return json.append('}').toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null"
                : String.valueOf(Math.round(value * 100) / 100.0);
    }

    private static String text(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
