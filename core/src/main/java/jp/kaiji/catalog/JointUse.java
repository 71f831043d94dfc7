package jp.kaiji.catalog;

import java.util.List;

/**
 * The joint-use statement (共同利用) that a disclosure must carry.
 *
 * @param items the jointly used items, e.g. 氏名, 住所
 * @param companies ids of the companies that use them jointly
 * @param purpose the purpose of joint use
 * @param responsibleParty the id of the company responsible for the jointly used data
 */
public record JointUse(
    List<String> items, List<String> companies, String purpose, String responsibleParty) {
  public JointUse {
    items = items == null ? List.of() : List.copyOf(items);
    companies = companies == null ? List.of() : List.copyOf(companies);
  }
}
