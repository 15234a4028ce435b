/*
 * The persistent-kmap algorithm in plain C, the yardstick KernelVm's model is measured against
 * (benchmarks/run.sh builds it with gcc -O2 as libpkmap.so; PkmapBenchmarks calls it).
 * Written from the algorithm's steps, not from kernel source: pkmap_count[], last_pkmap_nr, a
 * page-table slot per pkmap address, flush_all_zero_pkmaps(), and page_address() through a hash of
 * struct page pointers with lists from a pool. It keeps no event log and no TLB. The plain entry
 * points take no lock; the *_locked ones take the kernel's spinlocks where it takes them (kmap_lock
 * around kmap_high() and kunmap_high(), a hash bucket's lock in page_address() and
 * set_page_address()), uncontended, without the interrupt masking of spin_lock_irqsave().
 */
#include <stdatomic.h>
#include <stdint.h>

#define LAST_PKMAP 1024
#define PAGE_SHIFT 12
#define PKMAP_BASE 0xff800000u
#define PA_HASH_ORDER 7
#define GOLDEN_RATIO_PRIME_32 0x9e370001u
#define STRUCT_PAGE 32u
#define MEM_MAP 0xc1000000u
#define PAGE_KERNEL 0x163u

struct page_address_map {
	uint32_t page;
	uint32_t virtual;
	struct page_address_map *next, *prev;
};

struct page_address_slot {
	struct page_address_map *head;
};

static int pkmap_count[LAST_PKMAP];
static unsigned int last_pkmap_nr;
static uint32_t pkmap_page_table[LAST_PKMAP];
static struct page_address_map page_address_maps[LAST_PKMAP];
static struct page_address_map *page_address_pool;
static struct page_address_slot page_address_htable[1 << PA_HASH_ORDER];
static volatile unsigned long tlb_flushes;
static int pkmap_map_wait_active;
static volatile int need_wakeup;
static int use_locks;
static atomic_flag kmap_lock = ATOMIC_FLAG_INIT;
static atomic_flag page_address_locks[1 << PA_HASH_ORDER];

static inline void spin_lock(atomic_flag *lock)
{
	if (use_locks)
		while (atomic_flag_test_and_set_explicit(lock, memory_order_acquire))
			;
}

static inline void spin_unlock(atomic_flag *lock)
{
	if (use_locks)
		atomic_flag_clear_explicit(lock, memory_order_release);
}

static inline uint32_t pfn_to_page(uint32_t pfn) { return MEM_MAP + pfn * STRUCT_PAGE; }
static inline uint32_t pkmap_addr(unsigned int nr) { return PKMAP_BASE + (nr << PAGE_SHIFT); }
static inline unsigned int pkmap_nr(uint32_t virt) { return (virt - PKMAP_BASE) >> PAGE_SHIFT; }

static inline uint32_t page_hash(uint32_t page)
{
	return (uint32_t)(page * GOLDEN_RATIO_PRIME_32) >> (32 - PA_HASH_ORDER);
}

static inline struct page_address_slot *page_slot(uint32_t page)
{
	return &page_address_htable[page_hash(page)];
}

static uint32_t page_address(uint32_t page)
{
	struct page_address_map *pam;
	uint32_t virt = 0;

	spin_lock(&page_address_locks[page_hash(page)]);
	for (pam = page_slot(page)->head; pam; pam = pam->next)
		if (pam->page == page) {
			virt = pam->virtual;
			break;
		}
	spin_unlock(&page_address_locks[page_hash(page)]);
	return virt;
}

static void set_page_address(uint32_t page, uint32_t virt)
{
	struct page_address_slot *pas = page_slot(page);
	struct page_address_map *pam;

	spin_lock(&page_address_locks[page_hash(page)]);
	if (virt) {
		pam = page_address_pool;
		page_address_pool = pam->next;
		pam->page = page;
		pam->virtual = virt;
		pam->prev = 0;
		pam->next = pas->head;
		if (pas->head)
			pas->head->prev = pam;
		pas->head = pam;
		goto done;
	}
	for (pam = pas->head; pam; pam = pam->next) {
		if (pam->page != page)
			continue;
		if (pam->prev)
			pam->prev->next = pam->next;
		else
			pas->head = pam->next;
		if (pam->next)
			pam->next->prev = pam->prev;
		pam->next = page_address_pool;
		page_address_pool = pam;
		break;
	}
done:
	spin_unlock(&page_address_locks[page_hash(page)]);
}

static void flush_tlb_all(void) { tlb_flushes++; }

static void flush_all_zero_pkmaps(void)
{
	int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		if (pkmap_count[i] != 1)
			continue;
		pkmap_count[i] = 0;
		set_page_address(pfn_to_page(pkmap_page_table[i] >> PAGE_SHIFT), 0);
		pkmap_page_table[i] = 0;
	}
	flush_tlb_all();
}

/* map_new_virtual(); returns 0 where the kernel would sleep on pkmap_map_wait. */
static uint32_t map_new_virtual(uint32_t pfn)
{
	int count = LAST_PKMAP;
	uint32_t vaddr;

	for (;;) {
		last_pkmap_nr = (last_pkmap_nr + 1) & (LAST_PKMAP - 1);
		if (!last_pkmap_nr) {
			flush_all_zero_pkmaps();
			count = LAST_PKMAP;
		}
		if (!pkmap_count[last_pkmap_nr])
			break;
		if (--count == 0)
			return 0;
	}
	vaddr = pkmap_addr(last_pkmap_nr);
	pkmap_page_table[last_pkmap_nr] = (pfn << PAGE_SHIFT) | PAGE_KERNEL;
	pkmap_count[last_pkmap_nr] = 1;
	set_page_address(pfn_to_page(pfn), vaddr);
	return vaddr;
}

static uint32_t kmap_high(uint32_t pfn)
{
	uint32_t vaddr;

	spin_lock(&kmap_lock);
	vaddr = page_address(pfn_to_page(pfn));
	if (!vaddr)
		vaddr = map_new_virtual(pfn);
	if (vaddr)
		pkmap_count[pkmap_nr(vaddr)]++;
	spin_unlock(&kmap_lock);
	return vaddr;
}

static void kunmap_high(uint32_t pfn)
{
	uint32_t vaddr;

	spin_lock(&kmap_lock);
	vaddr = page_address(pfn_to_page(pfn));

	if (!vaddr)
		__builtin_trap();		/* BUG(): not mapped */
	switch (--pkmap_count[pkmap_nr(vaddr)]) {
	case 0:
		__builtin_trap();		/* BUG(): kunmap past the map's own count */
	case 1:
		need_wakeup = pkmap_map_wait_active;
	}
	spin_unlock(&kmap_lock);
}

/* page_address_init() and an empty pkmap area. */
void pkmap_init(void)
{
	int i;

	for (i = 0; i < LAST_PKMAP; i++) {
		pkmap_count[i] = 0;
		pkmap_page_table[i] = 0;
		page_address_maps[i].next = i ? &page_address_maps[i - 1] : 0;
	}
	page_address_pool = &page_address_maps[LAST_PKMAP - 1];
	for (i = 0; i < (1 << PA_HASH_ORDER); i++)
		page_address_htable[i].head = 0;
	last_pkmap_nr = 0;
}

/* n kmap_high()+kunmap_high() pairs of one page, which stays mapped: the cached path. */
uint32_t pkmap_cached_pairs(uint32_t pfn, long n)
{
	uint32_t sum = 0;

	while (n-- > 0) {
		sum += kmap_high(pfn);
		kunmap_high(pfn);
	}
	return sum;
}

/* n pairs over pages first..first+pages-1 in turn, from *next: new slots, wraps and flushes. */
uint32_t pkmap_churn_pairs(uint32_t first, uint32_t pages, long n, uint32_t *next)
{
	uint32_t sum = 0, i = *next;

	while (n-- > 0) {
		uint32_t pfn = first + (i++ % pages);

		sum += kmap_high(pfn);
		kunmap_high(pfn);
	}
	*next = i;
	return sum;
}

/* The same pairs under the kernel's spinlocks. */
uint32_t pkmap_cached_pairs_locked(uint32_t pfn, long n)
{
	uint32_t sum;

	use_locks = 1;
	sum = pkmap_cached_pairs(pfn, n);
	use_locks = 0;
	return sum;
}

uint32_t pkmap_churn_pairs_locked(uint32_t first, uint32_t pages, long n, uint32_t *next)
{
	uint32_t sum;

	use_locks = 1;
	sum = pkmap_churn_pairs(first, pages, n, next);
	use_locks = 0;
	return sum;
}

/* kmap() of one page, left mapped. */
uint32_t pkmap_kmap(uint32_t pfn)
{
	return kmap_high(pfn);
}
