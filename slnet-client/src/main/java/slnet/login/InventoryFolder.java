package slnet.login;

import java.util.UUID;

/**
 * One folder of the inventory skeleton sent at login.
 *
 * @param folderId    the folder
 * @param parentId    its parent (the zero UUID for the root)
 * @param name        display name
 * @param typeDefault the asset type the folder is the default for, or -1
 * @param version     the folder version
 */
public record InventoryFolder(UUID folderId, UUID parentId, String name, int typeDefault, int version) {
}
