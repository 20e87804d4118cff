package dev.allot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressMapTest {

  @Test
  void translate_insideRange_keepsOffset() {
    AddressMap map = new AddressMap();
    map.put(40, 8, 0);
    assertEquals(4, map.translate(44, 2));
    assertEquals(0, map.translate(40, 8));
  }

  @Test
  void translate_outsideOrAcrossRanges_isMinusOne() {
    AddressMap map = new AddressMap();
    map.put(40, 8, 0);
    map.put(48, 4, 100);
    assertEquals(-1, map.translate(39, 1));
    assertEquals(-1, map.translate(46, 4), "spans two recorded regions");
    assertEquals(-1, map.translate(40, 9));
    assertEquals(-1, map.translate(52, 1));
  }

  @Test
  void remove_middle_splitsIntoTwoRangesWithTheirOffsets() {
    AddressMap map = new AddressMap();
    map.put(40, 8, 0);
    map.remove(44, 2);
    assertEquals(0, map.translate(40, 4));
    assertEquals(6, map.translate(46, 2));
    assertEquals(-1, map.translate(44, 1));
    assertEquals(-1, map.translate(43, 2));
  }

  @Test
  void clear_forgetsEverything() {
    AddressMap map = new AddressMap();
    map.put(0, 8, 3);
    map.clear();
    assertEquals(-1, map.translate(0, 1));
  }
}
