/**
 * Adoption: a donor takes a letter from the tree, holds it until its due date, chooses where to hand
 * the gift in, prints its tag, may cancel, and follows it until the child has the gift. Adoption is
 * atomic (the letter's row is locked, so of many donors pressing at once exactly one wins), limited
 * per donor and campaign, and a job releases holds that ran past their due date, once per cluster.
 * A company adopts together: the people of its team take letters for it against its limit, from the
 * tree or from a batch it reserved for them, which another job returns to the tree when its hours end.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.adoption;
