package org.hindcast.benchmark;

import java.util.HashMap;
import java.util.Map;

/** "--name value" options of the benchmark commands; an unknown name is refused, not ignored. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, int from, Map<String, String> defaults) {
        Map<String, String> opt = new HashMap<>(defaults);
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (!defaults.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + name + " (known: " + String.join(", ", defaults.keySet()) + ")");
            }
            if (defaults.get(name).equals("false") || defaults.get(name).equals("true")) {
                opt.put(name, "true");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            opt.put(name, args[++i]);
        }
        return opt;
    }
}
