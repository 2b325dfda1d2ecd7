package slnet.world;

import java.util.UUID;

/**
 * What a simulator tells about an object on request ({@code ObjectPropertiesFamily}, or
 * {@code ObjectProperties} after a selection): its name and who owns it.
 *
 * @param objectId the object
 * @param ownerId its owner
 * @param groupId its group
 * @param name its name
 * @param description its description
 * @param salePrice the price when for sale
 * @param saleType 0 not for sale, 1 original, 2 copy, 3 contents
 */
public record ObjectProperties(UUID objectId, UUID ownerId, UUID groupId, String name, String description,
                               int salePrice, int saleType) {
}
