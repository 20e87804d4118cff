package dev.allot.benchmarks;

import static org.lwjgl.system.MemoryUtil.memAllocLong;
import static org.lwjgl.system.MemoryUtil.memAllocPointer;
import static org.lwjgl.system.MemoryUtil.memFree;
import static org.lwjgl.util.vma.Vma.vmaClearVirtualBlock;
import static org.lwjgl.util.vma.Vma.vmaCreateVirtualBlock;
import static org.lwjgl.util.vma.Vma.vmaDestroyVirtualBlock;
import static org.lwjgl.util.vma.Vma.vmaVirtualAllocate;
import static org.lwjgl.util.vma.Vma.vmaVirtualFree;
import static org.lwjgl.vulkan.VK10.VK_SUCCESS;

import java.nio.LongBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.util.vma.VmaVirtualAllocationCreateInfo;
import org.lwjgl.util.vma.VmaVirtualBlockCreateInfo;

/**
 * Replays a {@link ChurnStream} through a VMA virtual block (TLSF, VMA's default algorithm), as a
 * LWJGL program would call it: {@code org.lwjgl:lwjgl-vma}, one JNI call per allocate or free. The
 * call structures are allocated once off-heap, so a call allocates nothing on the Java heap.
 */
final class VmaReplayer implements StreamReplayer {

  private final long block;
  private final VmaVirtualAllocationCreateInfo request = VmaVirtualAllocationCreateInfo.calloc();
  private final PointerBuffer allocation = memAllocPointer(1);
  private final LongBuffer offset = memAllocLong(1);
  private long[] handles = new long[0];

  VmaReplayer(long capacity) {
    PointerBuffer created = memAllocPointer(1);
    try (VmaVirtualBlockCreateInfo info = VmaVirtualBlockCreateInfo.calloc()) {
      check(vmaCreateVirtualBlock(info.size(capacity), created), "vmaCreateVirtualBlock");
      block = created.get(0);
    } finally {
      memFree(created);
    }
  }

  @Override
  public void fill(int[] fill) {
    handles = new long[fill.length];
    for (int slot = 0; slot < fill.length; slot++) {
      handles[slot] = allocate(fill[slot]);
    }
  }

  @Override
  public void replace(int slot, int size) {
    vmaVirtualFree(block, handles[slot]);
    handles[slot] = allocate(size);
  }

  private long allocate(int size) {
    check(vmaVirtualAllocate(block, request.size(size), allocation, offset), "vmaVirtualAllocate");
    return allocation.get(0);
  }

  private static void check(int result, String call) {
    if (result != VK_SUCCESS) {
      throw new IllegalStateException(call + " failed with VkResult " + result);
    }
  }

  @Override
  public void close() {
    vmaClearVirtualBlock(block);
    vmaDestroyVirtualBlock(block);
    request.free();
    memFree(allocation);
    memFree(offset);
  }
}
