import type { HeaderSynonyms } from "../import/headerSynonyms";

/** Columns of an RVU table: CMS's PFS relative value file names them HCPCS, MOD, WORK RVU, NON-FAC PE RVU, FACILITY PE RVU, MP RVU. */
export const RVU_FIELDS = ["cpt", "modifier", "work", "nonFacilityPE", "facilityPE", "malpractice"] as const;
export type RvuField = (typeof RVU_FIELDS)[number];

/**
 * Header words of an RVU table (compared after normalizeHeader: "MOD" reads "modifier", "%" …).
 * Only CPT and work RVU are needed; the PE and MP columns are recognised so a whole PFS file
 * is known by its header, their values are not used by productivity.
 */
export const RVU_HEADER_SYNONYMS: HeaderSynonyms<RvuField> = {
  cpt: ["=hcpcs", "=cpt", "cpt code", "hcpcs code", "=code", "procedure code", "cpt hcpcs", "=cpt hcpcs code", "=service code"],
  modifier: ["=modifier", "cpt modifier", "hcpcs modifier", "=modifier 1"],
  work: [
    "work rvu", "work rvus", "=wrvu", "=wrvus", "=work", "work relative value", "work relative value units",
    "physician work rvu", "physician work rvus",
  ],
  nonFacilityPE: [
    "non fac pe rvu", "non facility pe rvu", "nonfacility pe rvu", "non fac pe rvus", "non facility pe rvus",
    "non facility practice expense rvu", "=non fac pe",
  ],
  facilityPE: ["=facility pe rvu", "=facility pe rvus", "=facility practice expense rvu", "=facility pe", "fully implemented facility pe rvu"],
  malpractice: ["mp rvu", "mp rvus", "malpractice rvu", "malpractice rvus", "pli rvu", "=mp"],
};
