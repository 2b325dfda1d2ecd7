package slnet.world;

/** What changed in an {@link ObjectChanged}. */
public enum ObjectChange {
    /** Position, velocity, acceleration, rotation or angular velocity. */ MOTION,
    /** Parent (linked, unlinked, sat down, stood up). */ PARENT,
    /** Scale. */ SCALE,
    /** Path or profile parameters. */ SHAPE,
    /** Texture entry. */ TEXTURES,
    /** Flexible, light, sculpt or mesh parameters. */ EXTRA_PARAMS,
    /** Hover text or its colour. */ TEXT,
    /** Name-value pairs. */ NAME_VALUES,
    /** Update flags. */ FLAGS,
    /** Material or click action. */ MATERIAL,
    /** Media URL. */ MEDIA,
    /** Attached sound. */ SOUND,
    /** Particle system or texture animation. */ PARTICLES,
    /** Name, description or owner from a properties reply. */ PROPERTIES,
    /** Anything else of a full update (CRC, state, owner, data). */ OTHER
}
