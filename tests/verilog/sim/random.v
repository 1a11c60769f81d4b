module top;
  integer seed, i, r;
  reg [7:0] b;
  initial begin
    for (i = 0; i < 4; i = i + 1) begin
      r = $random;
      $display("%0d", r);
    end
    seed = 42;
    for (i = 0; i < 4; i = i + 1) $display("%0d seed=%0d", $random(seed), seed);
    b = $random(seed);
    $display("%h", b);
    $display("%0d", $random(seed) % 10);
  end
endmodule
