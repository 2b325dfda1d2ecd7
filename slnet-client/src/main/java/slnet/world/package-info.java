/**
 * The world a client sees: objects per region (prims, avatars, trees, grass, particle systems),
 * decoded from every way a simulator describes them and kept up to date, with events when they
 * appear, change and disappear; the avatars around the agent ({@link slnet.world.Avatars}, in view
 * and beyond draw distance) with arrivals and departures; and the parcel, region details, time of
 * day and active group of where the agent stands ({@link slnet.world.Surroundings}).
 *
 * <p>The domain layer: above {@code slnet.network}, below the facade. {@link slnet.world.World},
 * {@link slnet.world.Avatars} and {@link slnet.world.Surroundings} learn only through
 * {@link slnet.handler.HandlerRegistry} and act only by sending messages on a region's circuit;
 * they own no thread. Decoders ({@link slnet.world.ObjectUpdateDecoder},
 * {@link slnet.world.ObjectMotions}, {@link slnet.world.TextureEntry#decode},
 * {@link slnet.world.ExtraParams#decode}) throw only {@link slnet.world.ObjectDecodeException}.
 * Everything handed out is an immutable snapshot; {@link slnet.world.RegionObjects} is thread-safe.
 */
package slnet.world;
