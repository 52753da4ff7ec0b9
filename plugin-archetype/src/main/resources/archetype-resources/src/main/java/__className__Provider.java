package ${package};

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * Describes the strategy (id, name, parameters) and creates one instance per run. Stateless: the platform keeps one
 * provider and asks it for as many instances as it needs. Listed in
 * {@code src/main/resources/META-INF/services/io.quantplug.api.strategy.StrategyProvider}, which is how the platform
 * finds it inside the plugin jar.
 */
public final class ${className}Provider implements StrategyProvider {

    /** The id users type ({@code --strategy ${artifactId}}); keep it stable, stored runs refer to it. */
    public static final String ID = "${artifactId}";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "SMA trend",
            "Long while the close is above its simple moving average: enters when the close crosses above it,"
                    + " exits when it crosses below.",
            ParameterSchema.of(
                    ParameterSpec.integer("period").defaultValue(20).range(2, 1000).unit("bars")
                            .description("length of the simple moving average of closes").build()));

    /** Creates the provider; the platform calls this public no-argument constructor. */
    public ${className}Provider() {
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        // parameters arrive checked against the schema above: in range, defaults filled in
        return new ${className}(context, context.parameters().getInt("period"));
    }
}
