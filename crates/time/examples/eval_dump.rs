fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::Path::new(&args[2]);
    std::fs::create_dir_all(out).unwrap();
    let s = if args[1].contains("meantime") {
        corroborate_time::eval::eval_meantime_to(std::path::Path::new(&args[1]), Some(out)).unwrap()
    } else {
        corroborate_time::eval::eval_timeml_to(std::path::Path::new(&args[1]), Some(out)).unwrap()
    };
    println!("{s}");
}
