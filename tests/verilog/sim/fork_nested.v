// fork/join waits for every branch, nested fork blocks included; begin-end branches run sequentially inside.
module top;
  initial begin
    $display("%0t start", $time);
    fork
      #10 $display("%0t a", $time);
      begin
        #5 $display("%0t b1", $time);
        fork
          #3 $display("%0t c1", $time);
          #1 $display("%0t c2", $time);
        join
        $display("%0t b2", $time);
      end
      #2 $display("%0t d", $time);
    join
    $display("%0t joined", $time);
    fork
    join
    $display("%0t empty fork", $time);
  end
endmodule
