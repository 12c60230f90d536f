package io.github.sdrm.recsys.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link PrivacyAudit} measured for one synthetic matrix. Distances are Jaccard
 * distances unless a name says Hamming. Field names are stable: reports serialise them as they are.
 *
 * @param sizes how many rows each figure was computed from
 * @param exactCopies shares of synthetic rows equal to a real row
 * @param dcr distances to the closest member row, synthetic vs non-member rows
 * @param overfittingProtection DCR overfitting protection (score and share closer to members)
 * @param baselineProtection DCR baseline protection against a frequency-matched random baseline
 * @param membershipInference the distance attack (GAN-Leaks full black-box)
 * @param calibratedMembershipInference the calibrated distance attack, or null when every member
 *     was needed as an attack target and none was left for the reference sample
 * @param identifiability shares of real rows closer to a synthetic row than to another real row
 * @param linkage the linkage attack for each number of known items
 */
public record PrivacyReport(
    Sizes sizes,
    ExactCopies exactCopies,
    DcrProfile dcr,
    OverfittingProtection overfittingProtection,
    BaselineProtection baselineProtection,
    MembershipInference membershipInference,
    MembershipInference calibratedMembershipInference,
    Identifiability identifiability,
    List<Linkage> linkage) {

  /** Copies the list. */
  public PrivacyReport {
    linkage = List.copyOf(linkage);
  }

  /**
   * Row counts behind the figures.
   *
   * @param members real rows the generator was trained on
   * @param nonMembers real rows it never saw
   * @param synthetic synthetic rows audited
   * @param attackPairs members and non-members in each attack group (equal sizes: the smaller
   *     group's size, the larger subsampled)
   * @param items columns
   */
  public record Sizes(int members, int nonMembers, int synthetic, int attackPairs, int items) {}

  /**
   * Exact copies (SDMetrics NewRowSynthesis = 1 − copies).
   *
   * @param ofMembers share of synthetic rows equal to some member row
   * @param ofNonMembers share of synthetic rows equal to some non-member row (the control)
   * @param realDuplicates share of non-member rows equal to some member row: how often real users
   *     repeat each other, the rate a private generator need not stay below
   */
  public record ExactCopies(double ofMembers, double ofNonMembers, double realDuplicates) {}

  /**
   * Distance to the closest member row (DCR) for synthetic rows and for non-member rows.
   *
   * @param syntheticP5 5th percentile of DCR over synthetic rows
   * @param syntheticMedian median DCR over synthetic rows
   * @param nonMemberP5 5th percentile over non-member rows
   * @param nonMemberMedian median over non-member rows
   * @param syntheticHammingP5 the same under normalised Hamming distance
   * @param syntheticHammingMedian median normalised Hamming DCR of synthetic rows
   * @param nonMemberHammingP5 5th percentile normalised Hamming DCR of non-member rows
   * @param nonMemberHammingMedian median normalised Hamming DCR of non-member rows
   * @param syntheticDistances every synthetic row's Jaccard DCR
   * @param nonMemberDistances every non-member row's Jaccard DCR
   */
  public record DcrProfile(
      double syntheticP5,
      double syntheticMedian,
      double nonMemberP5,
      double nonMemberMedian,
      double syntheticHammingP5,
      double syntheticHammingMedian,
      double nonMemberHammingP5,
      double nonMemberHammingMedian,
      double[] syntheticDistances,
      double[] nonMemberDistances) {

    /** Copies the arrays. */
    public DcrProfile {
      syntheticDistances = syntheticDistances.clone();
      nonMemberDistances = nonMemberDistances.clone();
    }

    @Override
    public double[] syntheticDistances() {
      return syntheticDistances.clone();
    }

    @Override
    public double[] nonMemberDistances() {
      return nonMemberDistances.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DcrProfile d
          && d.syntheticP5 == syntheticP5
          && d.syntheticMedian == syntheticMedian
          && d.nonMemberP5 == nonMemberP5
          && d.nonMemberMedian == nonMemberMedian
          && Arrays.equals(d.syntheticDistances, syntheticDistances)
          && Arrays.equals(d.nonMemberDistances, nonMemberDistances);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          syntheticP5,
          syntheticMedian,
          nonMemberP5,
          nonMemberMedian,
          Arrays.hashCode(syntheticDistances),
          Arrays.hashCode(nonMemberDistances));
    }

    @Override
    public String toString() {
      return "DcrProfile[syntheticP5="
          + syntheticP5
          + ", syntheticMedian="
          + syntheticMedian
          + ", nonMemberP5="
          + nonMemberP5
          + ", nonMemberMedian="
          + nonMemberMedian
          + "]";
    }
  }

  /**
   * DCR overfitting protection (SDMetrics DCROverfittingProtection).
   *
   * @param closerToMembers p: share of synthetic rows whose nearest member row (members subsampled
   *     to the non-members' size) is closer than their nearest non-member row, ties counted ½
   * @param score min(2(1 − p), 1): 1 = no sign of memorisation
   */
  public record OverfittingProtection(double closerToMembers, double score) {}

  /**
   * DCR baseline protection with a density-matched baseline.
   *
   * @param syntheticMedian median DCR of synthetic rows to members
   * @param baselineMedian median DCR to members of rows drawn with each item's member frequency
   * @param score min(syntheticMedian / baselineMedian, 1)
   */
  public record BaselineProtection(double syntheticMedian, double baselineMedian, double score) {}

  /**
   * A membership-inference attack: members are the positives, non-members the negatives.
   *
   * @param auc the area under the ROC curve (mid-ranks for ties)
   * @param aucLower lower end of the bootstrap 95 % percentile interval of the AUC
   * @param aucUpper upper end of that interval
   * @param tprAtFpr10 true-positive rate at a false-positive rate of 0.1
   * @param roc the ROC curve
   * @param targets members (and as many non-members) attacked
   */
  public record MembershipInference(
      double auc, double aucLower, double aucUpper, double tprAtFpr10, RocCurve roc, int targets) {}

  /**
   * Identifiability (Yoon et al., ADS-GAN): share of real rows whose nearest synthetic row is
   * closer than their nearest other real row.
   *
   * @param members the share among attacked members
   * @param nonMembers the share among attacked non-members
   */
  public record Identifiability(double members, double nonMembers) {}

  /**
   * The linkage attack with {@code knownItems} items known to the attacker.
   *
   * @param knownItems k, the items the attacker knows of each target
   * @param memberTargets members with more than k items (the others cannot be scored)
   * @param memberSuccess mean precision@10 on a member's other items of the linked synthetic row
   * @param memberControl mean precision@10 of the popularity control for the same members
   * @param memberRisk (success − control) / (1 − control)
   * @param nonMemberTargets non-members with more than k items
   * @param nonMemberSuccess as memberSuccess, for non-members
   * @param nonMemberControl as memberControl, for non-members
   * @param nonMemberRisk as memberRisk, for non-members
   */
  public record Linkage(
      int knownItems,
      int memberTargets,
      double memberSuccess,
      double memberControl,
      double memberRisk,
      int nonMemberTargets,
      double nonMemberSuccess,
      double nonMemberControl,
      double nonMemberRisk) {}
}
