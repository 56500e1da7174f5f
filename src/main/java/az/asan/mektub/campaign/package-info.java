/**
 * Campaigns: the year-round ASAN Məktub program and seasonal ones such as December's "Bir qəlbi də
 * sən isit". A campaign sets the age range and its reference date, how long a donor may hold a
 * letter and how many letters a donor may hold at once.
 */
package az.asan.mektub.campaign;
