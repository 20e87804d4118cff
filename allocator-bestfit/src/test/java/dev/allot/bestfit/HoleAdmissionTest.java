package dev.allot.bestfit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which holes {@link HoleAdmission} keeps, and when asking changes that. */
class HoleAdmissionTest {

  @Test
  void keeps_beforeAnyCall_everyHole() {
    HoleAdmission admission = new HoleAdmission();

    assertTrue(admission.keepsEvery());
    assertTrue(admission.keeps(1, 1));
    assertEquals(0, admission.leftOutBound());
  }

  @Test
  void ask_firstCallAligned_keepsOnlyHolesHoldingAMultiple() {
    HoleAdmission admission = new HoleAdmission();

    assertTrue(admission.ask(16));
    assertFalse(admission.keepsEvery());
    assertFalse(admission.keeps(5, 11)); // [5, 16): up(5) = 16 is its end
    assertTrue(admission.keeps(5, 12)); // [5, 17) holds 16
    assertTrue(admission.keeps(32, 1)); // [32, 33) starts at a multiple
    assertFalse(admission.keeps(33, 15));
    assertEquals(16, admission.leftOutBound());
  }

  @Test
  void ask_sameAlignmentAgain_changesNothing() {
    HoleAdmission admission = new HoleAdmission();
    admission.ask(16);

    assertFalse(admission.ask(16));
    assertFalse(admission.keeps(5, 11));
  }

  @Test
  void ask_secondAlignment_keepsHolesHoldingAMultipleOfEither() {
    HoleAdmission admission = new HoleAdmission();
    admission.ask(16);

    assertTrue(admission.ask(6));
    assertTrue(admission.keeps(5, 2)); // [5, 7) holds 6
    assertTrue(admission.keeps(13, 4)); // [13, 17) holds 16
    assertFalse(admission.keeps(13, 3)); // [13, 16): neither 12 nor 18, nor 16
    assertEquals(6, admission.leftOutBound());
  }

  @Test
  void ask_unalignedAfterAligned_keepsEveryHole() {
    HoleAdmission admission = new HoleAdmission();
    admission.ask(16);

    assertTrue(admission.ask(1));
    assertTrue(admission.keepsEvery());
    assertTrue(admission.keeps(5, 11));
    assertEquals(0, admission.leftOutBound());
    assertFalse(admission.ask(16)); // every hole already
    assertFalse(admission.ask(1));
  }

  @Test
  void ask_firstCallUnaligned_keepsEveryHoleWithoutAChange() {
    HoleAdmission admission = new HoleAdmission();

    assertFalse(admission.ask(1));
    assertFalse(admission.ask(16)); // decided: an unaligned call was made
    assertTrue(admission.keeps(5, 11));
  }

  @Test
  void ask_alignmentPastTheSelectiveBound_keepsEveryHole() {
    HoleAdmission first = new HoleAdmission();
    assertFalse(first.ask(HoleAdmission.MAX_SELECTIVE_ALIGNMENT + 1));
    assertFalse(first.ask(16));
    assertTrue(first.keepsEvery());

    HoleAdmission later = new HoleAdmission();
    later.ask(HoleAdmission.MAX_SELECTIVE_ALIGNMENT); // the bound itself is selective
    assertFalse(later.keepsEvery());
    assertEquals(HoleAdmission.MAX_SELECTIVE_ALIGNMENT, later.leftOutBound());
    assertTrue(later.ask(HoleAdmission.MAX_SELECTIVE_ALIGNMENT + 1));
    assertTrue(later.keepsEvery());
  }

  @Test
  void ask_moreAlignmentsThanTheMaximum_keepsEveryHole() {
    HoleAdmission admission = new HoleAdmission();
    for (int k = 0; k < HoleAdmission.MAX_ALIGNMENTS; k++) {
      assertTrue(admission.ask(100 + k));
    }
    assertFalse(admission.keepsEvery());
    assertFalse(admission.keeps(1, 98)); // [1, 99): no multiple of 100..107
    assertEquals(100, admission.leftOutBound());

    assertTrue(admission.ask(200));
    assertTrue(admission.keepsEvery());
    assertTrue(admission.keeps(1, 98));
  }

  @Test
  void keeps_multiplePastLongMaxValue_leavesTheHoleOut() {
    HoleAdmission admission = new HoleAdmission();
    admission.ask(16);

    assertFalse(admission.keeps(Long.MAX_VALUE - 3, 3)); // the next multiple overflows
    assertTrue(admission.keeps(Long.MAX_VALUE - 15, 3)); // MAX - 15 is a multiple of 16
  }

  @Test
  void ask_theSelectiveBoundAsASecondAlignment_staysSelective() {
    HoleAdmission admission = new HoleAdmission();
    admission.ask(16);

    assertTrue(admission.ask(HoleAdmission.MAX_SELECTIVE_ALIGNMENT));
    assertFalse(admission.keepsEvery());
    assertEquals(16, admission.leftOutBound());
  }

  @Test
  void changesFor_beforeAnyCall_onlyAlignmentsThatLeaveHolesOut_andAsksNothing() {
    HoleAdmission admission = new HoleAdmission();

    assertFalse(admission.changesFor(1));
    assertTrue(admission.changesFor(2));
    assertTrue(admission.changesFor(HoleAdmission.MAX_SELECTIVE_ALIGNMENT));
    assertFalse(admission.changesFor(HoleAdmission.MAX_SELECTIVE_ALIGNMENT + 1));
    assertTrue(admission.keepsEvery());

    admission.ask(16);
    assertFalse(admission.changesFor(16));
    assertTrue(admission.changesFor(32));
  }
}
