package slnet.world;

/** What left-clicking an object does ({@code ClickAction} on the wire). */
public enum ClickAction {
    /** 0: touch (the default). */ TOUCH,
    /** 1 */ SIT,
    /** 2 */ BUY,
    /** 3 */ PAY,
    /** 4 */ OPEN,
    /** 5: play parcel media. */ PLAY,
    /** 6: open parcel media. */ OPEN_MEDIA,
    /** 7 */ ZOOM,
    /** 8: click does nothing, and the object is not touchable. */ DISABLED,
    /** 9: clicks pass through the object. */ IGNORE,
    /** Any other code. */ UNKNOWN;

    private static final ClickAction[] BY_CODE = {TOUCH, SIT, BUY, PAY, OPEN, PLAY, OPEN_MEDIA, ZOOM, DISABLED, IGNORE};

    /**
     * Returns its action, or {@link #UNKNOWN}.
     *
     * @param code the wire byte
     * @return its action, or {@link #UNKNOWN}
     */
    public static ClickAction fromCode(int code) {
        int c = code & 0xFF;
        return c < BY_CODE.length ? BY_CODE[c] : UNKNOWN;
    }
}
